"""Configuration: `[tool.seasonparse]` in the nearest pyproject.toml, or `.seasonparse.toml`.

Searched from the working folder upwards; in one folder `.seasonparse.toml`
wins over `pyproject.toml` (which counts only if it has a [tool.seasonparse]
table). Every key is checked: an unknown key, a wrong type or an unknown rule
code is a ConfigError (exit 2), never a silent default.
"""

from __future__ import annotations

from pathlib import Path

from seasonparse.findings import code_matches
from seasonparse.inputs import DEFAULT_GLOBS
from seasonparse.model import SEVERITIES


class ConfigError(Exception):
    pass


class Config:
    def __init__(self, source: Path | None = None, root: Path | None = None, paths: tuple[str, ...] = (),
                 glob: tuple[str, ...] = DEFAULT_GLOBS, select: tuple[str, ...] = ("ALL",),
                 ignore: tuple[str, ...] = (), extend_select: tuple[str, ...] = (),
                 severity: dict[str, str] | None = None, per_file_ignores: dict[str, tuple[str, ...]] | None = None,
                 points_for_win: int = 3, fail_on: str = "error", baseline: str | None = None,
                 aliases: dict[str, tuple[str, ...]] | None = None, references: tuple[str, ...] = (),
                 dump: object = None):
        self.source = source  # the file it was read from
        self.root = Path.cwd() if root is None else root  # relative paths in it are relative to this
        self.paths, self.glob = paths, glob
        self.select, self.ignore, self.extend_select = select, ignore, extend_select
        self.severity = {} if severity is None else severity
        self.per_file_ignores = {} if per_file_ignores is None else per_file_ignores
        self.points_for_win, self.fail_on, self.baseline = points_for_win, fail_on, baseline
        self.aliases = {} if aliases is None else aliases
        self.references = references  # globs of reference results, relative to root
        self.dump = dump  # frontend.dump.Selection: which pages of a dump to check (None: data/dump.toml)


_LIST_KEYS = {"paths", "select", "ignore", "extend-select", "references"}


def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _string(value, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string")
    return value


def _table(value, where: str, shape: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: must be a table of {shape}")
    return value


def _codes(values: tuple[str, ...], where: str, known: set[str]) -> tuple[str, ...]:
    """The selectors as given (findings.code_matches: any case, ALL, a code or prefix); one that
    names no rule is an error. So is `""`, a prefix
    of every code: `ignore = [""]` would turn the linter off without a word (`--ignore ''` is refused too)."""
    for v in values:
        if not v.strip():
            raise ConfigError(f"{where}: an empty code is a prefix of every rule's; write the codes or "
                              f"prefixes meant, or ALL")
        if not any(code_matches(code, v) for code in known):
            raise ConfigError(f"{where}: `{v}` selects no rule (see `seasonparse rules`)")
    return values


def _places(source: Path) -> dict[str, str]:
    """`source:line:column` of where a configuration file first writes each name: as a key (`name = ...`,
    quoted or not) or a table (`[severity]`, `[tool.seasonparse.severity]`), in a pyproject.toml from its
    [tool.seasonparse] on. Read once a configuration, one pass (review41: the file was read again for every
    key and alias, and searched for each: 8,000 aliases took 14 s)."""
    import re

    try:
        lines = source.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    first = next((n for n, line in enumerate(lines) if line.lstrip().startswith("[tool.seasonparse")), 0)
    written = re.compile(r"""\s*(?:\[\s*(?:tool\.seasonparse\.)?)?(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=\]]""")
    out: dict[str, str] = {}
    for n, line in enumerate(lines[first:], first + 1):
        if (m := written.match(line)) is not None:
            out.setdefault(m[1] if m[1] is not None else m[2] if m[2] is not None else m[3],
                           f"{source}:{n}:{len(line) - len(line.lstrip()) + 1}")
    return out


def written_at(config: Config, name: str) -> str:
    """`:line:column` where the configuration file writes `name`, to put after its path ("" where it writes
    none): a mistake found after loading is placed as one found while loading is."""
    found = _places(config.source).get(name) if config.source is not None else None
    return found[len(str(config.source)):] if found else ""


def from_table(table: dict, source: Path | None, root: Path, known_codes: set[str]) -> Config:
    where = f"{source}" if source else "configuration"
    places: list[dict[str, str]] = []  # read once, at the first name asked

    def at(name: str, within: str | None = None) -> str:  # where the file writes `name`: `path:line:column`
        if source is None:  # (trial56: the path alone), else where it writes the table `within` that holds it
            return where
        if not places:
            places.append(_places(source))
        return places[0].get(name) or (at(within) if within else where)

    allowed = {"paths", "glob", "select", "ignore", "extend-select", "severity", "per-file-ignores",
               "points-for-win", "fail-on", "baseline", "aliases", "references", "dump"}
    mistakes = _Mistakes()  # each key's mistake said, the other keys still read (trial59: one a run)
    for key in sorted(set(table) - allowed):
        mistakes.said.append(f"{at(key)}: unknown key `{key}` (known: {', '.join(sorted(allowed))})")
    kw: dict = {}
    for key in sorted(_LIST_KEYS & set(table)):
        with mistakes:
            kw[key.replace("-", "_")] = _strings(table[key], f"{at(key)}: `{key}`")
    for key in ("select", "ignore", "extend-select"):
        if key.replace("-", "_") in kw:
            with mistakes:
                _codes(kw[key.replace("-", "_")], f"{at(key)}: `{key}`", known_codes)
    if "select" in kw and not kw["select"]:  # as `--select ''`: turning every rule off is no default
        mistakes.said.append(f"{at('select')}: `select`: an empty list selects no rule (leave `select` out "
                             f"for all rules, or name some: `M`, `G001`, `ALL`)")
    if "baseline" in table:
        with mistakes:
            kw["baseline"] = _string(table["baseline"], f"{at('baseline')}: `baseline`")
    if "glob" in table:
        with mistakes:
            kw["glob"] = _globs(table["glob"], f"{at('glob')}: `glob`")
    if "severity" in table:
        with mistakes:
            sev = _table(table["severity"], f"{at('severity')}: `severity`", 'CODE = "error|warning|info"')
            for code, level in sev.items():
                if level not in SEVERITIES:
                    raise ConfigError(f"{at(code, 'severity')}: severity of `{code}` must be one of "
                                      f"{', '.join(SEVERITIES)}")
                _codes((code,), f"{at('severity')}: `severity`", known_codes)
            kw["severity"] = dict(sev)
    if "per-file-ignores" in table:
        with mistakes:
            pfi = _table(table["per-file-ignores"], f"{at('per-file-ignores')}: `per-file-ignores`", "GLOB = [CODES]")
            kw["per_file_ignores"] = {}
            for g, v in pfi.items():
                codes = _codes(_strings(v, f"{at(g, 'per-file-ignores')}: per-file-ignores `{g}`"),
                               f"{at(g, 'per-file-ignores')}: per-file-ignores `{g}`",
                               known_codes)
                key = _pattern_key(g)
                kw["per_file_ignores"][key] = kw["per_file_ignores"].get(key, ()) + codes
    if "points-for-win" in table:
        p = table["points-for-win"]
        if not isinstance(p, int) or isinstance(p, bool) or not 1 <= p <= 10:
            mistakes.said.append(f"{at('points-for-win')}: `points-for-win` must be a whole number from 1 to 10")
        else:
            kw["points_for_win"] = p
    if "fail-on" in table:
        if table["fail-on"] not in SEVERITIES:
            mistakes.said.append(f"{at('fail-on')}: `fail-on` must be one of {', '.join(SEVERITIES)}")
        else:
            kw["fail_on"] = table["fail-on"]
    if "aliases" in table:
        with mistakes:
            al = _table(table["aliases"], f"{at('aliases')}: `aliases`", "canonical name = [other names]")
            kw["aliases"] = {k: _strings(v, f"{at(k, 'aliases')}: aliases `{k}`") for k, v in al.items()}
            _one_club_per_name(kw["aliases"], where)
    if "dump" in table:
        from seasonparse.frontend.dump import Selection

        with mistakes:
            try:
                kw["dump"] = Selection.from_table(_table(table["dump"], f"{at('dump')}: `dump`", "selection keys"),
                                                  f"{at('dump')}: `dump`")
            except ValueError as exc:
                raise ConfigError(str(exc)) from None
    if mistakes.said:
        raise ConfigError("; ".join(mistakes.in_file_order(where)))
    return Config(source=source, root=root, **kw)


class _Mistakes:
    """A context that keeps the ConfigError raised in it and goes on: every mistake of a configuration said in
    one run, not one fix at a time (trial59)."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def __enter__(self) -> _Mistakes:
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        if isinstance(exc, ConfigError):
            self.said.append(str(exc))
            return True
        return False

    def in_file_order(self, where: str) -> list[str]:
        """The mistakes by the line and column each starts with after `where` (the file's path), as a
        reader goes down the file; those without a place first, in the order they were found."""
        import re

        place = re.compile(re.escape(where) + r":(\d+):(\d+)")
        return sorted(self.said, key=lambda said: tuple(map(int, m.groups())) if (m := place.match(said)) else (0, 0))


def _globs(value, where: str) -> tuple[str, ...]:
    """`glob`: a pattern or a list of them, each one a pattern check_glob accepts."""
    from seasonparse.inputs import GlobError, check_glob

    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a pattern or a list of patterns")
    try:
        for part in (p.strip() for pattern in value for p in pattern.split(",")):  # as split_globs
            check_glob(part, where)
    except GlobError as exc:
        raise ConfigError(str(exc)) from None
    return tuple(value)


def _pattern_key(pattern: str) -> str:
    """A per-file-ignores pattern as the paths it is matched against are written (relative to
    the configuration's folder, `/`-separated, no `.` step): `./a.txt` is `a.txt`, `docs//x.txt`
    is `docs/x.txt` (trial44: `"./a.txt"` matched nothing, silently)."""
    import posixpath

    return posixpath.normpath(pattern) if pattern.strip() else pattern


def _read(path: Path) -> dict:
    import tomllib  # here: a run with no configuration file does not import it (~10M instructions)

    try:
        text = path.read_text("utf-8")
        if text.startswith("\ufeff"):  # tomllib's word for it was `Invalid statement (at line 1, column 1)`
            raise ConfigError(f"{path}: not valid TOML: it starts with a UTF-8 byte order mark, which TOML "
                              f"readers (tomllib, pip's) refuse; save it as UTF-8 without one")
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # `Unclosed array (at line 2, column 1)`: the place first, as findings
        import re

        said = str(exc)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", said) or re.search(r"\s*\(at end of document\)$", said)
        place = f"{path}:{at[1]}:{at[2]}" if at and at.lastindex == 2 else \
            f"{path}:{max(1, len(text.splitlines()))}:1" if at else f"{path}"
        raise ConfigError(f"{place}: not valid TOML: {said[:at.start()] if at else said}") from None
    except UnicodeDecodeError as exc:  # where, as findings say it (trial56: the codec's words, an offset)
        data, at = exc.object, exc.start
        line, column = data.count(b"\n", 0, at) + 1, at - data.rfind(b"\n", 0, at)
        place = f"{path}:{line}:{column}"
        raise ConfigError(f"{place}: not UTF-8 text (byte {data[at]:#04x}); save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _seasonparse_table(pyproject: dict):
    """A pyproject's [tool.seasonparse] (None where it has none: a `tool` that is no table has none)."""
    tool = pyproject.get("tool")
    return tool.get("seasonparse") if isinstance(tool, dict) else None


def load(explicit: str | None, known_codes: set[str], start: Path | None = None) -> Config:
    """The configuration in force: `--config FILE`, else the nearest one found upwards."""
    if explicit:
        path = Path(explicit)
        from seasonparse.inputs import not_a_file_to_read

        if why := not_a_file_to_read(path):
            raise ConfigError(f"--config {explicit}: {why}")
        data = _read(path)
        # a pyproject.toml, or a file of any name laid out as one (a [tool] table, which a
        # .seasonparse.toml never has: trial20's `--config ci/seasonparse.toml` holding
        # [tool.seasonparse] read `tool` as an unknown key; review18: beside a [project] table too)
        as_pyproject = path.name == "pyproject.toml" or isinstance(data.get("tool"), dict)
        table = _seasonparse_table(data) if as_pyproject else data
        if table is None:  # named outright, so meant to configure: read as none, it silently did nothing (review18)
            raise ConfigError(f"--config {explicit}: has no [tool.seasonparse] table; the settings of a "
                              f"pyproject.toml go there")
        if not isinstance(table, dict):
            raise ConfigError(f"--config {explicit}: [tool.seasonparse] must be a table")
        return from_table(table, path, path.resolve().parent, known_codes)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dot = folder / ".seasonparse.toml"
        if dot.is_file():
            return from_table(_read(dot), dot, folder, known_codes)
        py = folder / "pyproject.toml"
        if py.is_file():
            table = _seasonparse_table(_read(py))
            if table is not None:
                if not isinstance(table, dict):
                    raise ConfigError(f"{py}: [tool.seasonparse] must be a table")
                return from_table(table, py, folder, known_codes)
    return Config(root=here)


def _one_club_per_name(aliases: dict[str, tuple[str, ...]], where: str) -> None:
    """A name is one club's: listed under two canonical names (or one canonical name
    listed as another's alias) it would join two clubs, silently. Names compare as the
    identity compares them (`Braunfeld C.F.` is `Bräunfeld CF`)."""
    from seasonparse.identity import key

    owner: dict[str, str] = {}
    for canonical, others in aliases.items():
        for name in (canonical, *others):
            first = owner.setdefault(key(name), canonical)
            if first != canonical:
                raise ConfigError(f"{where}: aliases: `{name}` is given for `{first}` and for `{canonical}`; "
                                  f"a name belongs to one club (list both under one canonical name if "
                                  f"they are one club)")
