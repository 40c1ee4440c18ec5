"""Which files a command works on, and where each one's JSON goes.

Folders are searched recursively with a glob (`*.txt` by default), in sorted
order so every run sees the same sequence. The output folder is never searched
and no output path may be an input: seasonparse never overwrites a source.
"""

from __future__ import annotations

from typing import NamedTuple

import os
from pathlib import Path


class Input(NamedTuple):
    path: Path  # where to read it
    display: str  # how to name it in messages and JSON (as the user wrote it)
    relative: Path  # its place below the argument it came from, for --out mirroring


class Discovery(NamedTuple):
    inputs: tuple[Input, ...]
    problems: tuple[str, ...]  # usage-level messages: missing paths, empty folders


def _display(p: Path) -> str:
    return p.as_posix()


def discover(paths: list[str], glob: str = "*.txt", exclude: Path | None = None) -> Discovery:
    found: dict[Path, Input] = {}
    problems: list[str] = []
    excluded = exclude.resolve() if exclude else None
    for arg in paths:
        root = Path(arg)
        if not root.exists():
            problems.append(f"{arg}: no such file or directory")
            continue
        if root.is_dir():
            matches = [p for p in sorted(root.rglob(glob)) if p.is_file()
                       and not (excluded and _inside(p.resolve(), excluded))]
            if not matches:
                problems.append(f"{arg}: no files matching `{glob}` in this folder")
            for p in matches:
                found.setdefault(p.resolve(), Input(p, _display(p), p.relative_to(root)))
        else:
            found.setdefault(root.resolve(), Input(root, _display(root), Path(root.name)))
    ordered = sorted(found.values(), key=lambda i: i.display)
    return Discovery(tuple(ordered), tuple(problems))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def output_path(out_dir: Path, item: Input) -> Path:
    return out_dir / item.relative.with_suffix(".json")


def is_same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
