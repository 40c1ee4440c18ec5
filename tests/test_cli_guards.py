"""What a hostile trial of the CLI found: outputs that are inputs, paths checked first,
options that must not be ignored, names printed safely."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import SEEDS


@pytest.mark.parametrize("option", [["report", "--html"], ["check", "--no-baseline", "--write-baseline"]])
def test_an_output_may_not_be_an_input(run, article, option):
    command, *flags = option
    before = article.read_bytes()
    link = article.parent.parent / "alias.txt"
    os.link(article, link)  # the same file under another name
    for target in (article, link):
        code, _, err = run(command, article.parent, *flags, target)
        assert code == 2, err
        assert "refusing to overwrite" in err and len(err.strip().splitlines()) == 1, err
        assert article.read_bytes() == before


def test_an_output_next_to_the_inputs_is_fine(run, article, tmp_path):
    code, _, err = run("report", article.parent, "--html", tmp_path / "page.html")
    assert code == 0, err
    assert (tmp_path / "page.html").exists()


def test_symbolic_links_are_followed_once_and_never_loop(run, tmp_path):
    src, other = tmp_path / "in", tmp_path / "other"
    (src / "sub").mkdir(parents=True)
    other.mkdir()
    shutil.copy(SEEDS[0], other / "x.txt")
    shutil.copy(SEEDS[2], other / "z.txt")
    shutil.copy(SEEDS[1], src / "sub" / "y.txt")
    (src / "linked").symlink_to(other, target_is_directory=True)  # a folder elsewhere
    (src / "also.txt").symlink_to(other / "x.txt")  # the same file again, under another name
    (src / "sub" / "up").symlink_to(src, target_is_directory=True)  # a loop
    code, _, err = run(src, "--out", tmp_path / "out")
    assert code == 0, err
    assert "3 files" in err, err
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json"))
    assert written == ["also.json", "linked/z.json", "sub/y.json"]


def test_jobs_are_capped_at_the_inputs_and_the_usable_cores(run, tmp_path, monkeypatch):
    from seasonparse import parallel

    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert parallel.jobs_for(999, 500) == 2 and parallel.jobs_for(999, 1) == 1
    assert parallel.jobs_for(1, 500) == 1 and parallel.jobs_for(None, 500) == 2
    asked = []
    real = parallel.ordered_map
    monkeypatch.setattr(parallel, "ordered_map",
                        lambda fn, items, jobs, *then, **ahead: asked.append(jobs) or real(fn, items, 1, *then))
    assert run(*SEEDS, "--out", tmp_path / "out", "--jobs", "999")[0] == 0
    assert run("check", *SEEDS, "--no-baseline", "--jobs", "999", "--exit-zero")[0] == 0
    assert asked and max(asked) == 2, asked
    assert "usable core" in " ".join(run("--help")[1].split())  # as argparse wraps it


@pytest.mark.parametrize("option", [["--format", "json"], ["--fail-on", "info"], ["--exit-zero"],
                                    ["--statistics"], ["--write-baseline", "b.json"], ["--fix"]])
def test_report_refuses_the_options_it_would_ignore(run, article, tmp_path, option):
    code, _, err = run("report", article, "--html", tmp_path / "page.html", *option)
    assert code == 2 and "unrecognized arguments" in err and option[0] in err, err
    assert not (tmp_path / "page.html").exists()


def test_check_validates_every_path_before_checking(run, article, tmp_path, monkeypatch):
    from seasonparse import check

    monkeypatch.setattr(check, "run", lambda *a, **k: pytest.fail("checked before the paths were"))
    code, _, err = run("check", article, tmp_path / "nope", "--no-baseline")
    assert code == 2 and f"{tmp_path / 'nope'}: no such file or directory" in err, err


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_an_empty_rule_list_is_a_usage_error(run, article, option):
    code, _, err = run("check", article, "--no-baseline", option, "")
    assert code == 2 and f"argument {option}: expected rule codes" in err, err


def test_config_naming_a_folder_is_a_clear_usage_error(run, article, tmp_path):
    code, _, err = run("check", article, "--config", tmp_path)
    assert code == 2 and "is a folder; name its pyproject.toml" in err, err


def test_a_file_name_with_control_characters_is_printed_escaped(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "bad\nname\x1b.txt")
    escaped = f"{src.as_posix()}/bad\\nname\\x1b.txt"
    _, out, _ = run("check", src, "--no-baseline", "--format", "text")
    named = [line.removeprefix("  = related: ") for line in out.splitlines() if ".txt:" in line]
    assert named and all(line.startswith(escaped + ":") for line in named), out
    _, _, err = run(src, "--out", tmp_path / "out")
    assert all(line.startswith((escaped + ":", "seasonparse:")) for line in err.splitlines()), err
    assert "\x1b" not in out + err


@pytest.mark.parametrize("fmt", ["github", "gitlab", "junit", "sarif", "json", "concise"])
def test_no_report_format_leaves_a_raw_control_character_from_a_file_name(run, tmp_path, fmt):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "bad\x1bname\x07.txt")
    _, out, _ = run("check", src, "--no-baseline", "--format", fmt)
    assert "bad" in out and "\x1b" not in out and "\x07" not in out, fmt


def test_a_link_named_on_the_command_line_says_why_it_leads_nowhere(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink("loop", "loop")
    os.symlink("nowhere", "dangling")
    code, _, err = run("check", "loop", "dangling", "missing", "--no-baseline")
    assert code == 2
    assert ("loop: a symbolic link loop; dangling: a dangling symbolic link (to nowhere); "
            "missing: no such file or directory") in err, err


def test_a_folder_whose_only_matches_cannot_be_read_says_why_each_is_skipped(run, tmp_path, monkeypatch):
    """trial59: a folder holding only a dangling `.txt` link and a loop said `no files matching `*.txt``, the
    link's warning unsaid; the warnings come before the error that stops the run, which says they were matched."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "loop").mkdir()
    os.symlink("nowhere", "loop/dangling.txt")
    os.symlink("../loop", "loop/self")
    code, _, err = run("check", "loop", "--no-baseline")
    assert code == 2
    assert "warning: loop/dangling.txt: a dangling symbolic link (to nowhere); skipped" in err, err
    assert "loop: no file to read matching `*.txt`" in err and "no files matching" not in err, err


def test_a_mistyped_command_is_named_with_the_command_meant(run, tmp_path, monkeypatch):
    """trial47: `seasonparse chekc a.txt` said `the following arguments are required: --out` (the parse
    command's). A word close to a command that is no file says so; a file of that name is parsed."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("chekc", "a.txt")
    assert code == 2 and "unknown command `chekc`; did you mean `check`?" in err
    assert "did you mean `report`" in run("reprot", "a.txt")[2]
    (tmp_path / "chekc").write_text("", "utf-8")  # now it is a file: the parse command's input
    code, out, err = run("chekc")
    assert code == 2 and "--out" in err and "unknown command" not in err
    assert "unknown command" not in run("zzz.txt")[2]  # no command is close: the parse command says what it lacks
