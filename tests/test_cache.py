"""The content cache (seasonparse.cache) and the cross-document memo beside it
(seasonparse.cross_memo): cached runs report the bytes of uncached ones, in every format;
an entry or memo that is damaged, foreign, for another version or content, or a symlink
is never trusted but rebuilt; concurrent runs share a cache safely; a cache that cannot
be written slows a run down and nothing more; `seasonparse clean` removes only ours."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from conftest import FIXTURES, ROOT, SEEDS

from seasonparse import cache as cache_module
from seasonparse import check as check_module
from seasonparse.cache import MAGIC, DocumentCache, is_ours
from seasonparse.cache_index import PREFIX as INDEX
from seasonparse.cross_memo import PREFIX
from seasonparse.report import FORMATS

sys.path.insert(0, str(ROOT / "bench"))
from gen_corpus import generate  # noqa: E402

COMMON = ("--no-baseline", "--select", "ALL", "--exit-zero", "--jobs", "1")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The seeds, the real wikitext articles and 24 generated articles (sharing seasons, with
    planted defects), one with a suppression comment that suppresses and one that does not."""
    out = tmp_path_factory.mktemp("corpus")
    generate(24, out / "generated")
    (out / "planted.json").unlink(missing_ok=True)
    (out / "generated" / "planted.json").unlink(missing_ok=True)
    for seed in SEEDS:
        shutil.copy(seed, out / seed.name)
    for article in sorted((FIXTURES / "wikitext").glob("*.wikitext")):
        shutil.copy(article, out / article.name)
    first = sorted((out / "generated").glob("*.txt"))[0]
    lines = first.read_text("utf-8").split("\n")
    lines.insert(1, "<!-- seasonparse: disable-next-line M010 -->")  # no M010 there: an N001
    lines[-1] += " <!-- seasonparse: disable-line -->"
    first.write_text("\n".join(lines), "utf-8")
    return out


@pytest.fixture
def corpus(template, tmp_path):
    """A fresh copy per test: tests edit and corrupt."""
    return Path(shutil.copytree(template, tmp_path / "corpus"))


def body(out: str) -> str:
    """A report without the summary lines (they carry the run's time)."""
    return "\n".join(line for line in out.splitlines() if not line.startswith("seasonparse:"))


def entries(folder: Path) -> list[Path]:
    """The documents' entries (files in a configuration's folder, but the memos and indexes)."""
    return sorted(p for p in folder.rglob("*") if p.parent != folder and not p.is_dir()
                  and not p.name.startswith((PREFIX, INDEX)))


def memos(folder: Path) -> list[Path]:
    """The cross-document stage's memos."""
    return sorted(p for p in folder.rglob(PREFIX + "*") if p.parent != folder)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cached_runs_report_the_bytes_of_uncached_ones(run, corpus, tmp_path, parses, fmt):
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", fmt, *COMMON, "--cache-dir", cache)
    uncached = run(*args, "--no-cache")
    assert not cache.exists()  # --no-cache writes nothing
    n = len(parses)
    cold = run(*args)
    warm = run(*args)
    assert len(parses) == 2 * n  # the warm run parsed nothing
    assert uncached[0] == cold[0] == warm[0]
    assert body(uncached[1]) == body(cold[1]) == body(warm[1])
    assert "N001" in uncached[1] and "M010" in uncached[1]  # suppression comments came back too
    assert len(entries(cache)) == n


def test_the_html_report_is_the_same_from_the_cache(run, corpus, tmp_path, parses):
    pages = [tmp_path / f"{n}.html" for n in range(3)]
    cache = ("--cache-dir", tmp_path / "cache")
    run("report", corpus, "--html", pages[0], "--no-baseline", "--jobs", "1", "--no-cache")
    run("report", corpus, "--html", pages[1], "--no-baseline", "--jobs", "1", *cache)
    n = len(parses)
    run("report", corpus, "--html", pages[2], "--no-baseline", "--jobs", "1", *cache)
    assert len(parses) == n
    assert pages[0].read_bytes() == pages[1].read_bytes() == pages[2].read_bytes()


def _stage_and_cache(tmp_path):
    """The per-document stage of a run of every rule (so it finds partition facts), and a cache."""
    from seasonparse.check import DocumentStage, selected_codes, settings_of
    from seasonparse.config import Config
    from seasonparse.rules import registry

    rules = registry()
    codes = selected_codes(rules, ("ALL",), (), ())
    settings = settings_of(Config())
    stage = DocumentStage(frozenset(codes), settings, facts=True)
    return stage, DocumentCache.open(tmp_path / "cache", codes, settings, pytest.fail)


def _unpacked(checked):
    """What the stage hands back, its document and facts unpacked: as an entry holds them."""
    from seasonparse.partition import packed_facts, unpack_facts

    return checked._replace(document=checked.document.unpack(),
                            facts=unpack_facts(packed_facts(checked.facts, checked.document)))


def test_every_entry_rebuilds_exactly_what_was_checked(corpus, tmp_path):
    """An entry gives back the stage's findings, document and facts, and the digests the
    memos key its document by, as the run that wrote it found them."""
    from seasonparse.inputs import discover

    stage, cache = _stage_and_cache(tmp_path)
    items = discover([str(corpus)], ("*.txt", "*.wikitext")).inputs
    for item in items:
        assert cache.load(item, True) is None
        checked = stage(item)
        stored = cache.store(item, checked)
        loaded = cache.load(item, True)
        assert _unpacked(loaded) == _unpacked(checked) == _unpacked(stored), item.display
        assert loaded.facts.digested() == stored.facts.digests and stored.facts.packed == checked.facts
        assert loaded.facts.packed is None  # rebuilt from the entry only where the run reads them
        assert cache.load(item, False).facts is None


def _cold_then(run, corpus, tmp_path, parses, spoil, rewritten=True):
    """Check with a cold cache, spoil the entries with `spoil(entry, entries)`, check again:
    the report must be the uncached one, the spoiled inputs parsed again and (`rewritten`)
    their entries rewritten sound."""
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    expected = run(*args, "--no-cache")[1]
    assert run(*args)[1] == expected
    files = entries(cache)
    spoiled = files[::7]
    for entry in spoiled:
        spoil(entry, files)
    before = len(parses)
    assert run(*args)[1] == expected
    assert len(parses[before:]) == len(spoiled)
    if not rewritten:  # a folder where the entry was: left alone, and never read
        return
    for entry in spoiled:
        assert entry.is_file() and not entry.is_symlink()
    before = len(parses)
    assert run(*args)[1] == expected
    assert parses[before:] == []  # rewritten, and now trusted again


def _signed(payload: bytes) -> bytes:
    """An entry or memo of `payload` with the right checksum: only the rebuild's own checks
    stand between it and the report."""
    return MAGIC + cache_module._checksum(payload) + b"\n" + payload


def _rewrite(entry: Path, change) -> None:
    """Change the head of an entry's payload (key, findings, directives, the sizes of what follows)."""
    head, _, body = entry.read_bytes().partition(b"\n")[2].partition(b"\n")
    entry.write_bytes(_signed(orjson.dumps(change(orjson.loads(head))) + b"\n" + body))


def _rewrite_projection(entry: Path, change) -> None:
    """Change the document's projection an entry holds (compressed JSON after the head)."""
    import zlib

    head, _, rest = entry.read_bytes().partition(b"\n")[2].partition(b"\n")
    size = sum(orjson.loads(head)[3])  # the digests and the compressed facts, then the projection
    document = change(orjson.loads(zlib.decompress(rest[size:])))
    entry.write_bytes(_signed(head + b"\n" + rest[:size] + zlib.compress(orjson.dumps(document))))


def _flip(entry, files):
    raw = bytearray(entry.read_bytes())
    raw[len(raw) // 2] ^= 0x20
    entry.write_bytes(bytes(raw))


def _size_as_text(payload):
    payload[3][0] = "12"  # the size of the digests, as a string
    return payload


def _foreign_key(payload):
    payload[0][0] = "0" * 64  # written under another version or configuration
    return payload


def _one_field_less(payload):
    payload[3] = payload[3][:-1]
    return payload


def _unknown_rule(payload):
    """A finding of a rule that does not exist (the reporters look every code up)."""
    payload[1].append(["Z999", "error", "forged", payload[0][1], 1, 1, None, None, [], "", None])
    return payload


def _first_finding(change):
    """An entry whose first finding `change` edits (an entry of a file with no finding gets one)."""
    def rewrite(payload):
        if not payload[1]:
            payload[1].append(["G004", "info", "forged", payload[0][1], 1, 1, None, None, [], "total-row-empty",
                               None])
        payload[1][0] = change(list(payload[1][0]))
        return payload
    return rewrite


def _set(index, value):
    def change(finding):
        finding[index] = value
        return finding
    return change


SPOILERS = {
    "flipped byte": _flip,
    "flipped header": lambda e, _: e.write_bytes(b"X" + e.read_bytes()[1:]),
    "truncated": lambda e, _: e.write_bytes(e.read_bytes()[: len(e.read_bytes()) // 2]),
    "empty": lambda e, _: e.write_bytes(b""),
    "binary": lambda e, _: e.write_bytes(os.urandom(300)),
    "JSON of the wrong shape": lambda e, _: _rewrite(e, lambda p: {"document": p}),
    "wrong type inside": lambda e, _: _rewrite(e, _size_as_text),
    "a field missing": lambda e, _: _rewrite(e, _one_field_less),
    "another version": lambda e, _: _rewrite(e, _foreign_key),
    "a rule that does not exist": lambda e, _: _rewrite(e, _unknown_rule),
    "a finding on line 0": lambda e, _: _rewrite(e, _first_finding(_set(4, 0))),
    "a finding on line -5": lambda e, _: _rewrite(e, _first_finding(_set(4, -5))),
    "a finding in column 0": lambda e, _: _rewrite(e, _first_finding(_set(5, 0))),
    "a finding ending on line -1": lambda e, _: _rewrite(e, _first_finding(_set(6, -1))),
    "a code under another rule's name": lambda e, _: _rewrite(e, _first_finding(_set(9, "no-such-name"))),
    "a finding on another file": lambda e, _: _rewrite(e, _first_finding(_set(3, "elsewhere.txt"))),
    "another file's entry": lambda e, files: e.write_bytes(files[(files.index(e) + 1) % len(files)].read_bytes()),
}


@pytest.mark.parametrize("spoil", SPOILERS.values(), ids=SPOILERS.keys())
def test_a_spoiled_entry_is_rebuilt_never_trusted(run, corpus, tmp_path, parses, spoil):
    _cold_then(run, corpus, tmp_path, parses, spoil)


def test_a_folder_in_an_entrys_place_is_never_read(run, corpus, tmp_path, parses):
    _cold_then(run, corpus, tmp_path, parses, lambda e, _: (e.unlink(), e.mkdir()), rewritten=False)


def test_a_symlinked_entry_is_not_followed(run, corpus, tmp_path, parses):
    """Even a link to this very entry's sound bytes: the cache reads no file through a link."""
    def link(entry, files):
        keep = tmp_path / f"kept-{entry.name}"
        entry.rename(keep)
        entry.symlink_to(keep)

    _cold_then(run, corpus, tmp_path, parses, link)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_an_entrys_place_does_not_block_the_run(run, corpus, tmp_path, parses):
    _cold_then(run, corpus, tmp_path, parses, lambda e, _: (e.unlink(), os.mkfifo(e)), rewritten=False)


def test_an_edited_file_alone_is_checked_again(run, corpus, tmp_path, parses):
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    run(*args)
    n = len(entries(cache))
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    edited.write_text(edited.read_text("utf-8").replace("2", "3", 1), "utf-8")
    before = len(parses)
    warm = run(*args)[1]
    assert [Path(p).name for p in parses[before:]] == [edited.name]
    assert warm == run(*args, "--no-cache")[1]
    assert len(entries(cache)) == n  # the edit replaced the file's entry


def test_the_configuration_is_part_of_the_key(run, corpus, tmp_path, parses):
    cache = tmp_path / "cache"
    base = ("check", corpus, "--format", "json", "--no-baseline", "--exit-zero", "--jobs", "1",
            "--cache-dir", cache)
    run(*base)
    n = len(parses)
    run(*base, "--select", "M")
    assert len(parses) == 2 * n  # another selection: nothing served
    project = tmp_path / "project"
    project.mkdir()
    (project / ".seasonparse.toml").write_text("points-for-win = 2\n", "utf-8")
    run(*base, "--config", project / ".seasonparse.toml")
    assert len(parses) == 3 * n  # other settings: nothing served
    folders = sorted(p.name for p in cache.iterdir() if p.is_dir())
    assert len(folders) == 3 and all(f.startswith("0.") for f in folders)


@pytest.mark.parametrize("first, then", [("auto", "wikitext"), ("wikitext", "auto"), ("text", "auto")])
def test_another_input_format_is_another_run_for_the_memos(run, corpus, tmp_path, first, then):
    """A trial's cached check with --input-format wikitext gave the cross-document findings
    of the run before it, which read the same bytes as text (the memos are keyed by the
    inputs' paths and bytes, and the format was not in the run's key)."""
    base = ("check", corpus, "--format", "json", "--no-baseline", "--exit-zero", "--jobs", "1")
    run(*base, "--input-format", first, "--cache-dir", tmp_path / "cache")
    cached = run(*base, "--input-format", then, "--cache-dir", tmp_path / "cache")
    uncached = run(*base, "--input-format", then, "--no-cache")
    assert body(cached[1]) == body(uncached[1])
    assert body(uncached[1]) != body(run(*base, "--input-format", first, "--no-cache")[1])


def test_two_processes_sharing_a_cache_leave_it_sound(corpus, tmp_path):
    cache = tmp_path / "cache"
    generate(150, corpus / "more")
    args = [sys.executable, "-m", "seasonparse", "check", str(corpus), "--format", "json",
            "--no-baseline", "--exit-zero", "--cache-dir", str(cache)]
    expected = subprocess.run([*args, "--no-cache", "--jobs", "1"], capture_output=True, check=True).stdout
    both = [subprocess.Popen([*args, "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for jobs in ("1", "2")]
    outputs = [p.communicate(timeout=600) for p in both]
    assert [p.returncode for p in both] == [0, 0], [e.decode() for _, e in outputs]
    assert all(out == expected for out, _ in outputs)
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    from seasonparse.inputs import discover

    stage, shared = _stage_and_cache(tmp_path)
    items = discover([str(corpus)], ("*.txt", "*.wikitext")).inputs
    assert all(_unpacked(shared.load(item, True)) == _unpacked(stage(item)) for item in items)


def test_a_cache_that_cannot_be_written_costs_one_warning(run, corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    args = ("check", corpus, "--format", "json", *COMMON)
    expected = run(*args, "--no-cache")
    code, out, err = run(*args, "--cache-dir", blocker / "cache")
    assert (code, out) == expected[:2]
    warnings = [line for line in err.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and "cache" in warnings[0] and "Traceback" not in err


def test_a_folder_that_is_not_a_cache_is_never_written_to(run, corpus, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("mine", "utf-8")
    code, out, err = run("check", corpus, "--format", "json", *COMMON, "--cache-dir", notes)
    assert "is not a seasonparse cache" in err
    assert sorted(p.name for p in notes.iterdir()) == ["todo.txt"]
    assert json.loads(out)


def test_the_default_cache_is_tagged_and_ignored_in_the_configurations_folder(run, tmp_path, monkeypatch):
    monkeypatch.delenv("SEASONPARSE_CACHE_DIR")
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    (project / ".seasonparse.toml").write_text('paths = ["articles"]\n', "utf-8")
    shutil.copy(SEEDS[0], project / "articles" / SEEDS[0].name)
    monkeypatch.chdir(project / "articles")
    run("check", "--exit-zero", "--jobs", "1")
    cache = project / ".seasonparse_cache"
    assert is_ours(cache)
    assert (cache / "CACHEDIR.TAG").read_text("ascii").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    assert "*" in (cache / ".gitignore").read_text("utf-8").splitlines()
    assert len(entries(cache)) == 1
    monkeypatch.setenv("SEASONPARSE_CACHE_DIR", str(tmp_path / "elsewhere"))
    run("check", "--exit-zero", "--jobs", "1")
    assert is_ours(tmp_path / "elsewhere")


def test_clean_removes_our_cache_and_nothing_else(run, corpus, tmp_path):
    cache = tmp_path / "cache"
    run("check", corpus, *COMMON, "--cache-dir", cache)
    link = tmp_path / "link"
    link.symlink_to(cache)
    code, _, err = run("clean", "--cache-dir", link)
    assert code == 2 and "not a seasonparse cache" in err and cache.is_dir()
    assert run("clean", "--cache-dir", cache)[0] == 0
    assert not cache.exists()
    code, _, err = run("clean", "--cache-dir", cache)
    assert code == 0 and "no cache" in err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n", "ascii")
    code, _, err = run("clean", "--cache-dir", mine)  # another tool's cache: not ours to remove
    assert code == 2 and "not a seasonparse cache" in err and (mine / "CACHEDIR.TAG").exists()


def test_entries_unused_for_a_month_are_pruned(run, corpus, tmp_path):
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    run(*args)
    files = entries(cache)
    gone = sorted((corpus / "generated").glob("*.txt"))[:2]
    for path in gone:
        path.unlink()
    old = time.time() - (cache_module.MAX_AGE_DAYS + 1) * 86_400
    for entry in files:
        os.utime(entry, (old, old))  # a month untouched, deleted inputs or not
    other = cache / "0.0.0-0000000000000000"
    other.mkdir()
    (other / "entry").write_text("x", "utf-8")
    os.utime(other, (old, old))
    stale_tmp = files[0].parent / ".seasonparse-abandoned.tmp"
    stale_tmp.write_text("half", "utf-8")
    os.utime(stale_tmp, (old, old))
    run(*args)
    assert all(e.exists() for e in files) and other.exists()  # pruned at most once a day
    os.utime(cache / cache_module.PRUNED, (old, old))
    run(*args)
    assert len(entries(cache)) == len(files) - len(gone)
    assert not other.exists() and not stale_tmp.exists()
    assert all(e.stat().st_mtime > old + 86_400 for e in entries(cache))  # used: refreshed


def test_pickle_is_never_read(corpus, tmp_path):
    """An entry holding a pickle (the format that runs code on load) is a miss like any other."""
    import pickle

    from seasonparse.inputs import discover

    stage, cache = _stage_and_cache(tmp_path)
    item = discover([str(corpus)], ("*.txt",)).inputs[0]
    cache.store(item, stage(item))
    (entry,) = entries(tmp_path / "cache")
    payload = pickle.dumps(stage(item))
    entry.write_bytes(MAGIC + cache_module._checksum(payload) + b"\n" + payload)
    assert cache.load(item) is None


def test_a_warm_cache_under_two_workers_reports_the_bytes_of_one_uncached(corpus, tmp_path):
    """With --jobs 2 the check also maps its cross-document parts: the cache serves the
    per-document stage only, and the report is that of a plain --jobs 1 run."""
    def check(*extra):
        done = subprocess.run([sys.executable, "-m", "seasonparse", "check", str(corpus), "--format", "json",
                               "--no-baseline", "--exit-zero", *extra], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    plain = check("--jobs", "1", "--no-cache")
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert check("--jobs", "2", *cache) == plain  # cold: entries written by the workers
    assert entries(tmp_path / "cache")
    assert check("--jobs", "2", *cache) == plain  # warm


def test_a_cached_run_lets_its_pool_finish_rather_than_stopping_it(run, corpus, tmp_path, monkeypatch):
    """The cache takes exactly the misses' results from the pool's map and then runs it
    to its end, so the pool shuts down as after any run: it is not stopped as if the
    run had been interrupted (stop flag, cancelled futures, a join deadline)."""
    from seasonparse import parallel

    stopped = []
    real = parallel._stop
    monkeypatch.setattr(parallel, "_stop", lambda *a: (stopped.append(a), real(*a)))
    run("check", corpus, *COMMON[:-1], "2", "--cache-dir", tmp_path / "cache")
    assert entries(tmp_path / "cache") and not stopped


def _line_as_text(document):
    document[4][0][3] = "12"  # the first infobox field's line, as a string
    return document


def test_a_forged_projection_is_parsed_again_where_it_is_read(run, corpus, tmp_path, parses):
    """A projection is rebuilt only where the run reads its document (CachedProjection): one
    that passes the entry's checksum but not the rebuild's checks is the input parsed again."""
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    expected = run(*args, "--no-cache")[1]
    run(*args)
    spoiled = entries(cache)[::5]
    for entry in spoiled:
        _rewrite_projection(entry, _line_as_text)
    for memo in memos(cache):  # so the cross-document stage reads every document
        memo.unlink()
    before = len(parses)
    assert run(*args)[1] == expected
    assert len(parses[before:]) == len(spoiled)


def test_forged_digests_and_facts_are_found_again_from_the_document(run, corpus, tmp_path, decided):
    """An entry's digests and facts (read only where the stage is not memoized whole) that
    pass its checksum but do not rebuild are found from the document instead: the report is
    the uncached one, and identity is decided again."""
    import zlib

    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    expected = run(*args, "--no-cache")[1]
    run(*args)
    for n, entry in enumerate(entries(cache)):
        head, _, rest = entry.read_bytes().partition(b"\n")[2].partition(b"\n")
        key, findings, directives, (digested, size) = orjson.loads(head)
        forged = [b'["not a digest"]', zlib.compress(b'[["not", "facts"]]')]
        if n % 2:  # half of them keep their own digests: their facts are read
            forged[0] = rest[:digested]
        head = orjson.dumps([key, findings, directives, [len(forged[0]), len(forged[1])]])
        entry.write_bytes(_signed(head + b"\n" + b"".join(forged) + rest[digested + size:]))
    for memo in memos(cache):
        memo.unlink()
    del decided[:]
    assert run(*args)[1] == expected
    assert decided


@pytest.fixture
def checked_parts(monkeypatch):
    """The paths of the documents each cross-document task checked, by rule codes."""
    seen: list[tuple[tuple[str, ...], list[str]]] = []
    real = check_module.CrossStage.check

    def recording(self, docs, codes):
        seen.append((tuple(codes), sorted(d.path for d in docs)))
        return real(self, docs, codes)

    monkeypatch.setattr(check_module.CrossStage, "check", recording)
    return seen


def test_a_warm_run_checks_no_part_and_an_edit_checks_its_part_alone(run, corpus, tmp_path, parses,
                                                                     checked_parts):
    from seasonparse.partition import WHOLE_CORPUS

    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    cold = run(*args)[1]
    everything = {path for _, paths in checked_parts for path in paths}
    assert memos(cache) and len(everything) > 10
    del checked_parts[:]
    assert run(*args)[1] == cold
    assert checked_parts == []  # every part and the whole-corpus rules from their memos
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    edited.write_text(edited.read_text("utf-8") + "\nA line of prose added.\n", "utf-8")
    before = len(parses)
    warm = run(*args)[1]
    assert [Path(p).name for p in parses[before:]] == [edited.name]
    parts = [paths for codes, paths in checked_parts if not WHOLE_CORPUS.keys() & set(codes)]
    checked = {path for paths in parts for path in paths}
    assert any(Path(p).name == edited.name for p in checked)
    assert len(checked) < len(everything) / 2  # the edited article's part, not the corpus
    # prose changes nothing X008 reads: A001 and A002, checked again, read no document
    assert [paths for codes, paths in checked_parts if WHOLE_CORPUS.keys() & set(codes)] == [[]]
    assert "X008" not in {c for codes, _ in checked_parts for c in codes}
    assert warm == run(*args, "--no-cache")[1]


@pytest.fixture
def decided(monkeypatch):
    """How many times identity was decided over a corpus."""
    from seasonparse import identity

    calls = []
    real = identity.from_evidence

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(identity, "from_evidence", counting)
    return calls


def _goal_edited(text: str) -> str:
    """`text` with its first goal's minute changed (what X008 reads, and no partition fact)."""
    return re.sub(r"(\d+)'", lambda m: f"{int(m[1]) % 89 + 1}'", text, count=1)


def test_an_edit_decides_identity_again_only_where_it_changes_a_fact(run, corpus, tmp_path, checked_parts, decided):
    """The layout (identity, statements, parts) is memoized by every document's facts: an edit of
    prose or of a goal's minute reuses it; an edit of a score decides it again."""
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    run(*args)
    assert decided
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    original = edited.read_text("utf-8")
    for text, decides in ((original + "\nA line of prose added.\n", False), (_goal_edited(original), False),
                          (re.sub(r"(\d+) - (\d+)", r"\2 - \1", original, count=1), True)):
        assert text != original
        edited.write_text(text, "utf-8")
        del decided[:]
        report = run(*args)[1]
        assert bool(decided) == decides, text[:200]
        assert report == run(*args, "--no-cache")[1]


LAYOUT_FORGERIES = {  # a layout: roots, names, canonical, inferred, ambiguous, rosters, stated, parts, weights, identity
    "a part that misses a document": lambda v: [*v[:7], [p[1:] for p in v[7]], *v[8:]],
    "a document in two parts": lambda v: [*v[:7], v[7] + [v[7][0]], *v[8:]],
    "a name whose root is not a root": lambda v: [[[k, k + " forged"] for k, _ in v[0]], *v[1:]],
    "another document's statements": lambda v: v[:6] + [[["x.txt", [], []], *v[6][1:]], *v[7:]],
    "a weight too few": lambda v: [*v[:8], v[8][1:], *v[9:]],
}


@pytest.mark.parametrize("forge", LAYOUT_FORGERIES.values(), ids=LAYOUT_FORGERIES.keys())
def test_a_layout_memo_not_of_these_documents_is_decided_again(run, corpus, tmp_path, decided, forge):
    """A layout memo (identity, statements, parts, weights) that rebuilds but does not fit the
    run's documents is a miss: identity is decided again, and the report is the uncached one."""
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    run(*args)
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    edited.write_text(edited.read_text("utf-8") + "\nA line of prose added.\n", "utf-8")
    forged = 0
    for memo in memos(cache):
        key, value = orjson.loads(memo.read_bytes().partition(b"\n")[2])
        if type(value) is list and len(value) == 10 and type(value[9]) is str:  # a layout: its identity digest last
            memo.write_bytes(_signed(orjson.dumps([key, forge(value)])))
            forged += 1
    assert forged == 1
    del decided[:]
    report = run(*args)[1]
    assert decided and report == run(*args, "--no-cache")[1]


def test_a_goal_edited_checks_x008_over_its_surname_group_alone(run, corpus, tmp_path, checked_parts):
    """X008 is memoized by surname group (partition.surname_group): a goal's minute edited
    reads the views of the documents with a name of that group only, and the edit undone
    finds the group's memo of before; the reports are the uncached ones."""
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    run(*args)
    every = {p for codes, paths in checked_parts if "X008" in codes for p in paths}
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    original = edited.read_text("utf-8")
    edited.write_text(_goal_edited(original), "utf-8")
    del checked_parts[:]
    assert run(*args)[1] == run(*args, "--no-cache")[1]
    x008 = [(codes, paths) for codes, paths in checked_parts if "X008" in codes]
    read = {p for _, paths in x008 for p in paths}
    assert edited.name in {Path(p).name for p in read} and len(read) < len(every) / 2
    del checked_parts[:]
    edited.write_text(original, "utf-8")
    assert run(*args)[1] == run(*args, "--no-cache")[1]
    assert not [codes for codes, _ in checked_parts if "X008" in codes]  # the group's memo of before


def _forge_memo(memo: Path, change) -> None:
    key, findings = orjson.loads(memo.read_bytes().partition(b"\n")[2])
    memo.write_bytes(_signed(orjson.dumps(change(key, findings))))


MEMO_SPOILERS = {
    "flipped byte": lambda m: _flip(m, []),
    "truncated": lambda m: m.write_bytes(m.read_bytes()[: len(m.read_bytes()) // 2]),
    "another key": lambda m: _forge_memo(m, lambda key, found: ["0" * 64, found]),
    "a rule that does not exist": lambda m: _forge_memo(
        m, lambda key, found: [key, [*found, ["Z999", "error", "forged", "x.txt", 1, 1, None, None, [], "", None]]]),
    "a finding of the wrong shape": lambda m: _forge_memo(m, lambda key, found: [key, [["X001"]]]),
    "a pickle": lambda m: m.write_bytes(_signed(__import__("pickle").dumps((os.system, ("true",))))),
    "a folder": lambda m: (m.unlink(), m.mkdir()),
}


@pytest.mark.parametrize("spoil", MEMO_SPOILERS.values(), ids=MEMO_SPOILERS.keys())
def test_a_spoiled_memo_is_checked_again_never_trusted(run, corpus, tmp_path, checked_parts, spoil):
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    expected = run(*args, "--no-cache")[1]
    run(*args)
    for memo in memos(cache):
        spoil(memo)
    del checked_parts[:]
    assert run(*args)[1] == expected
    assert checked_parts  # the spoiled memos' parts were checked again


def test_the_digests_change_with_what_each_memo_reads_alone(corpus, tmp_path):
    """A document's Digests (kept in its entry): prose changes neither; a goal's minute changes
    the digest of its scorer's surname group alone, not the facts'; a score changes the facts'."""
    from seasonparse.inputs import discover

    stage, cache = _stage_and_cache(tmp_path)
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    original = edited.read_text("utf-8")
    item = next(i for i in discover([str(corpus)], ("*.txt",)).inputs if i.path.name == edited.name)

    def digests(text: str):
        edited.write_text(text, "utf-8")
        return cache.store(item, stage(item)).facts.digested()

    base = digests(original)
    assert len(base.groups) > 3 and len(list(base.by_group())) == len(base.groups)
    assert digests(original + "\nA line of prose added.\n") == base
    goal = digests(_goal_edited(original))
    assert goal.facts == base.facts and len(set(goal.by_group()) ^ set(base.by_group())) == 2
    assert digests(re.sub(r"(\d+) - (\d+)", r"\2 - \1", original, count=1)).facts != base.facts


def test_a_stage_in_which_a_rule_failed_is_not_memoized(run, corpus, tmp_path, checked_parts, monkeypatch):
    """A failure of ours (P000) is reported again on the next run, never served from a memo."""
    from seasonparse.rules import registry

    def failing(corpus, settings, report):
        raise RuntimeError("a bug")

    monkeypatch.setitem(registry(), "X001", registry()["X001"]._replace(check=failing))
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", tmp_path / "cache")
    first = run(*args)[1]
    del checked_parts[:]
    assert run(*args)[1] == first and '"P000"' in first
    assert checked_parts  # checked again


def test_a_cache_dir_that_is_a_file_is_said_so_and_left_alone(run, corpus, tmp_path):
    """`--cache-dir` naming a file: "not a folder" (it said "File exists"), the run goes on
    uncached with the same report, and the file is untouched."""
    afile = tmp_path / "cache.txt"
    afile.write_text("mine\n")
    code, out, err = run("check", corpus, "--format", "json", *COMMON, "--cache-dir", afile)
    assert code == 0 and "is not a folder; the cache is not used" in err
    assert out == run("check", corpus, "--format", "json", *COMMON, "--no-cache")[1]
    assert afile.read_text() == "mine\n"


def _packs(cache: Path) -> list[Path]:
    """The memo packs (cross_memo.MemoPack): the memos whose value is a JSON object."""
    return [m for m in memos(cache) if orjson.loads(m.read_bytes().partition(b"\n")[2])[1].__class__ is dict]


def test_an_edit_reads_its_memos_from_one_pack(run, corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    run(*args)
    (pack,) = _packs(cache)
    read: list[str] = []
    real = cache_module.read_entry

    def counting(path, touch):
        read.append(os.path.basename(path))
        return real(path, touch)

    monkeypatch.setattr(cache_module, "read_entry", counting)
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    edited.write_text(_goal_edited(edited.read_text("utf-8")), "utf-8")
    assert run(*args)[1] == run(*args, "--no-cache")[1]
    memo_reads = [name for name in read if name.startswith(PREFIX)]
    assert pack.name in memo_reads
    assert len(memo_reads) < len(memos(cache)) / 3  # the pack, the layout, the corpus, the edit's new keys


@pytest.mark.parametrize("forge", ["a rule that does not exist", "a finding of the wrong shape", "another key"])
def test_a_forged_pack_is_not_trusted_its_memos_read_from_their_files(run, corpus, tmp_path, checked_parts, forge):
    """A pack is an index of the memos: where its findings do not rebuild, or it is for
    another key, each memo is read from its own file (sound here: no part is checked again)."""
    cache = tmp_path / "cache"
    args = ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)
    expected = run(*args)[1]
    (pack,) = _packs(cache)
    forged = ["Z999", "error", "forged", "x.txt", 1, 1, None, None, [], "", None]
    changes = {
        "a rule that does not exist": lambda key, held: [key, {k: [*v, forged] for k, v in held.items()}],
        "a finding of the wrong shape": lambda key, held: [key, {k: [["X001"]] for k in held}],
        "another key": lambda key, held: ["0" * 64, held],
    }
    _forge_memo(pack, changes[forge])
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    original = edited.read_text("utf-8")
    edited.write_text(original + "\nA line of prose added.\n", "utf-8")  # the memo look-up runs (the corpus changed)
    del checked_parts[:]
    assert run(*args)[1] == run(*args, "--no-cache")[1]
    edited.write_text(original, "utf-8")
    assert run(*args)[1] == expected


def test_a_fifo_in_the_tags_place_does_not_block_the_run(run, corpus, tmp_path):
    """The tag is opened without blocking and read only as a regular file: a FIFO there
    made check, report and clean wait forever for a writer (trial11)."""
    import os

    cache = tmp_path / "cache"
    run("check", corpus, *COMMON, "--cache-dir", cache)
    (cache / "CACHEDIR.TAG").unlink()
    os.mkfifo(cache / "CACHEDIR.TAG")
    assert not is_ours(cache)
    code, _, err = run("check", corpus, *COMMON, "--cache-dir", cache)
    assert "not a seasonparse cache" in err
    assert run("clean", "--cache-dir", cache)[0] == 2


def test_a_version_folder_that_is_a_link_is_not_written_through(run, corpus, tmp_path):
    """The cache's own folder refuses to be a link; its version folder too: entries were
    written through one into wherever it pointed (trial11)."""
    cache = tmp_path / "cache"
    run("check", corpus, *COMMON, "--cache-dir", cache)
    [version] = [p for p in cache.iterdir() if p.is_dir()]
    shutil.rmtree(version)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version.symlink_to(elsewhere)
    code, _, err = run("check", corpus, *COMMON, "--cache-dir", cache)
    assert "not a folder of its own" in err and list(elsewhere.iterdir()) == []
