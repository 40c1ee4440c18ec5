"""The reference stage's memo (seasonparse.reference_memo): a re-check whose articles, references
and configuration are unchanged reports the bytes of one that reconciles afresh, without reading
or reconciling the references again; anything the stage reads changed, or a memo that does not
rebuild, is a miss. Fixtures: tests/fixtures/reference_memo (see its SOURCES.md)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import orjson
import pytest
from conftest import FIXTURES

from seasonparse import cache as cache_module
from seasonparse import reconcile
from seasonparse.cache import MAGIC, PRUNED
from seasonparse.cross_memo import PREFIX

FIX = FIXTURES / "reference_memo"


@pytest.fixture
def work(tmp_path, monkeypatch):
    """The fixtures copied (tests edit them), the working folder: the paths are shown as given."""
    folder = Path(shutil.copytree(FIX, tmp_path / "work"))
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def reconciled(monkeypatch):
    """The runs that read and reconciled the references (the others came from the memo)."""
    calls: list = []
    real = reconcile.check_references

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(reconcile, "check_references", counting)
    return calls


def check(run, cache: Path | None, *args, articles=("article.txt",), references=("reference.txt",)):
    """`seasonparse check` of `articles` against `references`: (exit code, stdout, stderr less
    the time it took)."""
    refs = [a for r in references for a in ("--reference", r)]
    where = ("--no-cache",) if cache is None else ("--cache-dir", cache)
    code, out, err = run("check", *articles, *refs, "--no-baseline", *where, *args)
    return code, out, re.sub(r", \d+\.\d\d s", "", err)


def reference_memos(cache: Path, shown: str = "reference.txt") -> list[Path]:
    """The memos that hold a reference's stage (they name the reference; no other memo does)."""
    return [p for p in cache.rglob(PREFIX + "*") if shown.encode() in p.read_bytes()]


@pytest.mark.parametrize("fmt", ["concise", "text", "json", "sarif", "github"])
def test_a_hit_reports_the_bytes_of_a_miss_and_of_no_cache(run, work, tmp_path, reconciled, fmt):
    cache = tmp_path / "cache"
    uncached = check(run, None, "--format", fmt)
    assert not cache.exists() and len(reconciled) == 1  # --no-cache writes nothing
    cold = check(run, cache, "--format", fmt)
    assert len(reconciled) == 2 and len(reference_memos(cache)) == 1
    warm = check(run, cache, "--format", fmt)
    assert len(reconciled) == 2  # the warm run neither read nor reconciled the reference
    assert uncached == cold == warm
    assert uncached[0] == 1  # the R001 and the reference's P001 are errors
    said = uncached[1] + uncached[2]
    assert "R001" in said and "P001" in said and "Feb 31" not in said  # the other P001 suppressed in the reference
    assert "1 disagree" in said


def test_a_hit_writes_the_baseline_and_the_html_report_of_a_miss(run, work, tmp_path, reconciled):
    cache = tmp_path / "cache"
    for n, where in enumerate((None, cache, cache)):
        check(run, where, "--write-baseline", f"baseline{n}.json")
        run("report", "article.txt", "--reference", "reference.txt", "--no-baseline", "--html", f"page{n}.html",
            *(("--no-cache",) if where is None else ("--cache-dir", where)))
    assert len(reconciled) == 3  # no cache: two; cold: one; warm: none
    for name in ("baseline0.json", "page0.html"):
        assert (work / name).read_bytes() == (work / name.replace("0", "1")).read_bytes() == \
            (work / name.replace("0", "2")).read_bytes()
    assert "R001" in (work / "baseline2.json").read_text("utf-8")


def _same_size_and_time(path: Path, old: str, new: str) -> None:
    """`old` replaced by `new` (as long) in `path`, its size and modification time kept."""
    st = path.stat()
    text = path.read_text("utf-8")
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size


def _config(work: Path, body: str) -> tuple[str, ...]:
    (work / "seasonparse.toml").write_text(body, "utf-8")
    return ("--config", "seasonparse.toml")


# What changes between a warm run and the next: each a run whose reference stage is read afresh,
# reporting what a run without the cache reports. (articles, references, extra options)
CHANGES = {
    "the reference's content, same size and time": lambda w: _same_size_and_time(
        w / "reference.txt", "Manchester U  2-1 Sheffield U", "Manchester U  2-0 Sheffield U"),
    "an article's content, same size and time": lambda w: _same_size_and_time(
        w / "article.txt", "Manchester United 2 – 0 Sheffield United", "Manchester United 2 – 1 Sheffield United"),
    "an article added": lambda w: (("article.txt", "second.txt"), ("reference.txt",), ()),
    "an article renamed": lambda w: (w / "article.txt").rename(w / "renamed.txt") and
    (("renamed.txt",), ("reference.txt",), ()),
    "the reference's display path": lambda w: (("article.txt",), ("./reference.txt",), ()),
    "aliases": lambda w: (("article.txt",), ("reference.txt",), _config(
        w, '[tool.seasonparse.aliases]\n"Sheffield United" = ["Sheffield U"]\n')),
    "points-for-win": lambda w: (("article.txt",), ("reference.txt",), _config(
        w, "[tool.seasonparse]\npoints-for-win = 2\n")),
    "--select": lambda w: (("article.txt",), ("reference.txt",), ("--select", "R")),
    "--ignore": lambda w: (("article.txt",), ("reference.txt",), ("--ignore", "P001")),
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_anything_the_stage_reads_changed_is_a_miss(run, work, tmp_path, reconciled, change):
    cache = tmp_path / "cache"
    first = check(run, cache)
    assert check(run, cache) == first and len(reconciled) == 1  # warm: from the memo
    changed = CHANGES[change](work)
    articles, references, extra = changed if isinstance(changed, tuple) else (("article.txt",), ("reference.txt",), ())
    expected = check(run, None, *extra, articles=articles, references=references)
    assert len(reconciled) == 2
    again = check(run, cache, *extra, articles=articles, references=references)
    assert len(reconciled) == 3  # read and reconciled afresh
    assert again == expected
    assert check(run, cache, *extra, articles=articles, references=references) == expected
    assert len(reconciled) == 3  # and memoized: the next run is a hit


def test_an_article_removed_is_a_miss(run, work, tmp_path, reconciled):
    cache = tmp_path / "cache"
    check(run, cache, articles=("article.txt", "second.txt"))
    check(run, cache, articles=("article.txt", "second.txt"))
    assert len(reconciled) == 1
    expected = check(run, None)
    assert check(run, cache) == expected and len(reconciled) == 3


def test_the_references_order_is_part_of_the_key(run, work, tmp_path, reconciled):
    """Two references in one order, then the other: each order reconciled once, then recalled,
    each reporting what a run without the cache does."""
    cache = tmp_path / "cache"
    orders = [("reference.txt", "other_reference.txt"), ("other_reference.txt", "reference.txt")]
    expected = [check(run, None, articles=("article.txt", "second.txt"), references=o) for o in orders]
    assert "2 references" in expected[0][1]
    for _ in range(2):
        for order, want in zip(orders, expected):
            assert check(run, cache, articles=("article.txt", "second.txt"), references=order) == want
    assert len(reconciled) == 4  # two without the cache, each order once with it


def _signed(payload: bytes) -> bytes:
    return MAGIC + cache_module._checksum(payload) + b"\n" + payload


def _truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _flipped(raw: bytes) -> bytes:
    raw = bytearray(raw)
    raw[len(raw) // 2] ^= 0x20
    return bytes(raw)


def _forged(change):
    """The memo's [key, [documents, findings, summary]] changed by `change`, its checksum right."""
    def spoil(raw: bytes) -> bytes:
        value = orjson.loads(raw.partition(b"\n")[2])
        change(value)
        return _signed(orjson.dumps(value))
    return spoil


def _set(where, value):
    def change(memo):
        *path, last = where
        target = memo
        for step in path:
            target = target[step]
        target[last] = value
    return change


SPOILS = {
    "truncated": _truncated,
    "a byte flipped": _flipped,
    "empty": lambda raw: b"",
    "another key": _forged(_set([0], "0" * 64)),
    "another reference's document": _forged(_set([1, 0, 0, 1], "0" * 64)),  # the document's sha256
    "a document that does not rebuild": _forged(_set([1, 0, 0, 2], 17)),  # its title, a number
    "a finding of no rule": _forged(lambda m: m[1][1].append(
        ["Z999", "error", "forged", "reference.txt", 1, 1, None, None, [], "", None])),
    "a summary of six counts": _forged(lambda m: m[1][2].pop()),
    "a summary count as text": _forged(_set([1, 2, 0], "1")),
    "no value": _forged(lambda m: m.pop()),
}


@pytest.mark.parametrize("spoil", SPOILS, ids=list(SPOILS))
def test_a_spoiled_memo_is_a_miss_never_a_crash_or_a_wrong_answer(run, work, tmp_path, reconciled, spoil):
    cache = tmp_path / "cache"
    expected = check(run, None)
    assert check(run, cache) == expected
    (memo,) = reference_memos(cache)
    memo.write_bytes(SPOILS[spoil](memo.read_bytes()))
    assert check(run, cache) == expected
    assert len(reconciled) == 3  # read and reconciled again
    assert check(run, cache) == expected and len(reconciled) == 3  # rewritten sound


@pytest.mark.parametrize("failure", ["an error", "a P000"])
def test_a_stage_that_failed_is_not_memoized(run, work, tmp_path, monkeypatch, reconciled, failure):
    real = reconcile.check_references

    def failing(*args, **kwargs):
        found = real(*args, **kwargs)
        if failure == "an error":
            return found._replace(errors=["rule R001 failed on the references: planted"])
        p000 = cache_module.findings_of([["P000", "error", "planted", "reference.txt", 1, 1, None, None, [],
                                          "internal-error", None]])
        return found._replace(findings=found.findings + p000)

    monkeypatch.setattr(reconcile, "check_references", failing)
    cache = tmp_path / "cache"
    first = check(run, cache)
    assert "planted" in first[1] + first[2]
    assert reference_memos(cache) == []
    assert check(run, cache) == first and len(reconciled) == 2  # reconciled again, each run


def test_no_cache_writes_nothing_and_the_memo_is_pruned_with_the_cache(run, work, tmp_path, reconciled):
    cache = tmp_path / "cache"
    check(run, None)
    assert not cache.exists()
    check(run, cache)
    (memo,) = reference_memos(cache)
    month = 31 * 86_400
    old = memo.stat().st_mtime - month
    os.utime(memo, (old, old))
    os.utime(cache / PRUNED, (old, old))  # the day's pruning not done yet
    check(run, cache, references=("other_reference.txt",))  # a run that uses another memo
    assert not memo.exists()


def test_the_memo_is_the_same_bytes_from_run_to_run(run, work, tmp_path):
    memos = []
    for n in range(2):
        cache = tmp_path / f"cache{n}"
        check(run, cache)
        (memo,) = reference_memos(cache)
        memos.append((memo.name, memo.read_bytes()))
    assert memos[0] == memos[1]


def test_a_json_input_is_not_memoized(run, work, tmp_path, reconciled):
    """A JSON of --out carries its article's sha256, not its own: an edited JSON would be keyed
    as the one before it. Such a run reconciles every time."""
    out = tmp_path / "out"
    run("article.txt", "--out", out)
    (made,) = out.glob("*.json")
    cache = tmp_path / "cache"
    first = check(run, cache, articles=(str(made),))
    assert reference_memos(cache) == []
    assert check(run, cache, articles=(str(made),)) == first and len(reconciled) == 2


WARM_RUN = """
import sys
from seasonparse.cli import main
argv = ["check", "article.txt", "--reference", "reference.txt", "--no-baseline", "--exit-zero", "--cache-dir", sys.argv[1]]
try:
    main(argv)
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.__stderr__)
"""


def test_a_hit_imports_neither_the_reconciliation_nor_the_readers(work, tmp_path):
    """What only the stage needs stays unimported where the memo gives it; the memo's own code is
    imported only where a cache is in use (a run without one, cold or not, pays nothing for it)."""
    import subprocess
    import sys

    def modules(cache: str) -> set[str]:
        proc = subprocess.run([sys.executable, "-c", WARM_RUN.replace('"--cache-dir", sys.argv[1]', cache)],
                              capture_output=True, text=True, cwd=work, check=True)
        return set(proc.stderr.strip().splitlines()[-1].split())

    stage = {"seasonparse.reconcile", "seasonparse.frontend.rsssf"}  # (the rules import the corpus index)
    where = f'"--cache-dir", {str(tmp_path / "cache")!r}'
    cold = modules(where)
    assert stage <= cold and "seasonparse.reference_memo" in cold
    warm = modules(where)
    assert "seasonparse.reference_memo" in warm and not warm & stage
    assert "seasonparse.reference_memo" not in modules('"--no-cache"')


def test_a_hit_beside_a_cross_document_stage_checked_afresh(run, work, tmp_path, reconciled):
    """The reference stage from its memo, the cross-document stage's memos gone: that stage
    checks the packed documents (as a run without references does), the report the same."""
    cache = tmp_path / "cache"
    articles = ("article.txt", "second.txt")
    expected = check(run, None, "--format", "json", articles=articles)
    assert check(run, cache, "--format", "json", articles=articles) == expected
    (kept,) = reference_memos(cache)
    for memo in cache.rglob(PREFIX + "*"):
        if memo != kept:
            memo.unlink()
    assert check(run, cache, "--format", "json", articles=articles) == expected
    assert len(reconciled) == 2  # the reference stage from its memo
