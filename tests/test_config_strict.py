"""Configuration mistakes are exit 2 with one line that names the configuration, as the
same mistake on the command line is."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS


@pytest.mark.parametrize("line, said", [
    ("select = []", "`select`: an empty list selects no rule"),
    ("glob = 5", "`glob`: expected a pattern or a list of patterns"),
    ("glob = [5]", "`glob`: expected a pattern or a list of patterns"),
    ("glob = []", "`glob`: expected a pattern or a list of patterns"),
    ('glob = "/abs/*.txt"', "`glob` /abs/*.txt: an absolute pattern"),
    ('glob = ["*.txt", "../x/*.txt"]', "`glob` ../x/*.txt: `..` would leave"),
    ('glob = ["*.txt,../y"]', "`glob` ../y: `..` would leave"),
    ('ignore = [""]', "an empty code is a prefix of every rule's"),
    ('select = [""]', "an empty code is a prefix of every rule's"),
    ('extend-select = [" "]', "an empty code is a prefix of every rule's"),
    ('severity = {"" = "error"}', "an empty code is a prefix of every rule's"),
    ('per-file-ignores = {"*.txt" = [""]}', "an empty code is a prefix of every rule's"),
])
def test_a_configuration_mistake_is_exit_2_naming_the_configuration(run, tmp_path, monkeypatch, line, said):
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_text(f"[tool.seasonparse]\n{line}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", ".", "--no-baseline")
    assert code == 2, err
    assert said in err and "--glob" not in err and len(err.strip().splitlines()) == 1, err


def test_an_empty_ignore_is_fine(run, tmp_path, monkeypatch):
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_text("[tool.seasonparse]\nignore = []\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", ".", "--no-baseline", "--exit-zero")
    assert code == 0 and "finding" in out, err


@pytest.mark.parametrize("name, text", [
    ("ci.toml", "[tool.seasonparse]\nselect = [\"M\"]\n"),  # laid out as a pyproject.toml
    ("project.toml", "[project]\nname = \"x\"\n[tool.seasonparse]\nselect = [\"M\"]\n"),  # a pyproject, renamed
    ("plain.toml", "select = [\"M\"]\n"),  # as a .seasonparse.toml
])
def test_a_config_file_of_any_name_is_read_as_its_layout_says(run, tmp_path, name, text):
    """trial20: `--config ci/seasonparse.toml` holding [tool.seasonparse] was `unknown key tool`."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / name).write_text(text, "utf-8")
    code, out, err = run("check", tmp_path / "a.txt", "--config", tmp_path / name, "--no-baseline", "--exit-zero",
                         "--no-cache", "--format", "json")
    import json

    assert code == 0, err
    assert {f["code"][0] for f in json.loads(out)} == {"M"}


@pytest.mark.parametrize("name, text, said", [
    ("pyproject.toml", "[project]\nname = \"x\"\n", "has no [tool.seasonparse] table"),
    ("ci.toml", "[tool.ruff]\nline-length = 100\n", "has no [tool.seasonparse] table"),
    ("pyproject.toml", "[tool]\nseasonparse = 3\n", "[tool.seasonparse] must be a table"),
])
def test_a_config_file_named_outright_must_configure(run, tmp_path, name, text, said):
    """review18: `--config` naming a pyproject without [tool.seasonparse] was read as no settings, silently."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / name).write_text(text, "utf-8")
    code, _, err = run("check", tmp_path / "a.txt", "--config", tmp_path / name, "--no-baseline", "--no-cache")
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1, err


def test_a_pyproject_whose_tool_is_no_table_configures_nothing(run, tmp_path, monkeypatch):
    """`tool = 3` in a pyproject.toml found upwards was an internal error (AttributeError)."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_text("tool = 3\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", ".", "--no-baseline", "--no-cache", "--exit-zero")
    assert code == 0 and "finding" in out and "internal error" not in err, err


@pytest.mark.parametrize("text, place, said", [
    ("[tool.pytest]\npaths = 1\n\n[tool.seasonparse]\npaths = [\"a.txt\"]\nbogus = 1\n", "6:1", "unknown key `bogus`"),
    ("[tool.seasonparse]\npaths = [\"a.txt\"]\n  select = \"M\"\n", "3:3", "`select`: expected a list of strings"),
    ("[tool.seasonparse]\npaths = [\"a.txt\"]\n[tool.seasonparse.severity]\nM003 = \"loud\"\n", "4:1",
     "severity of `M003` must be one of"),
    ("[tool.seasonparse]\npaths = [\"a.txt\"\nselect = [\"M\"]\n", "3:1", "not valid TOML: Unclosed array"),
])
def test_a_configuration_mistake_names_its_line_and_column(run, tmp_path, monkeypatch, text, place, said):
    """trial56: a key's mistake named the file alone, and TOML's own `(at line 2, column 10)` stood inside the
    message: `path:line:column: message`, as a finding is written (a key of another tool's table is not it)."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "--no-baseline")
    assert code == 2, err
    assert f"pyproject.toml:{place}: {said}" in err, err


def test_the_places_of_a_configurations_names_are_read_once(tmp_path, monkeypatch):
    """review41: the place of every key and alias was looked up by reading the file again and searching it,
    whether or not it was a mistake (8,000 aliases: 14 s). Once a configuration, one pass."""
    from seasonparse import config

    aliases = "".join(f'"Club {i}" = ["C{i}"]\n' for i in range(300))
    path = tmp_path / ".seasonparse.toml"
    path.write_text(f'select = ["ALL"]\n[aliases]\n{aliases}', "utf-8")
    calls = []
    real = config._places
    monkeypatch.setattr(config, "_places", lambda source: calls.append(source) or real(source))
    loaded = config.load(str(path), {"M001"})
    assert len(loaded.aliases) == 300 and calls == [path]
    assert real(path)["Club 299"] == f"{path}:302:1"


def test_every_mistake_of_a_configuration_is_said_in_one_run(run, tmp_path, monkeypatch):
    """trial59: `paths = "."`, `select = 5` and an unknown key were said one a run, a fix at a time; each is
    said, with its place, in the one line the run stops with."""
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.seasonparse]\npaths = "."\nselect = 5\nfoo = 1\nfail-on = "never"\nseverity = {M001 = "loud"}\n',
        "utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", ".", "--no-baseline")
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    for place, said in (("2:1", "`paths`: expected a list of strings"), ("3:1", "`select`: expected a list"),
                        ("4:1", "unknown key `foo`"), ("5:1", "`fail-on` must be one of"),
                        ("6:", "severity of `M001` must be one of")):
        assert f"pyproject.toml:{place}" in err and said in err, (said, err)
    places = [int(part.split(":")[1]) for part in err.split("pyproject.toml")[1:]]
    assert places == sorted(places) == [2, 3, 4, 5, 6], err  # in the file's order, as a reader goes down it


def test_a_configuration_not_utf8_is_said_at_its_byte_as_a_finding_is(run, tmp_path):
    """trial56: the codec's words (`'utf-8' codec can't decode byte 0xe9 in position 36`), not its place."""
    config = tmp_path / "seasonparse.toml"
    config.write_bytes(b'[tool.seasonparse]\npaths = ["a.txt"]\n# caf\xe9\n')
    code, _, err = run("check", SEEDS[0], "--config", config, "--no-baseline")
    assert code == 2 and f"{config}:3:6: not UTF-8 text (byte 0xe9); save it as UTF-8" in err, err
