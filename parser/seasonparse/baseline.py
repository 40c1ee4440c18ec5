"""Baselines: accept the findings a repository already knows about.

`--write-baseline FILE` records the current findings; `--baseline FILE` then
reports only findings not recorded. A finding's fingerprint is its code, its
path relative to the baseline file, the text of the line it points at and its
message: it survives the line moving, and changes when the problem changes.
Matching counts duplicates, so a second identical finding is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from seasonparse.findings import Finding

FORMAT = 1


class BaselineError(Exception):
    pass


def _rel(path: str, base_dir: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), base_dir.resolve())).as_posix()


def fingerprint(f: Finding, line_text: str, base_dir: Path) -> str:
    key = "\0".join((f.code, _rel(f.path, base_dir), " ".join(line_text.split()), f.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def write(path: Path, findings: list[Finding], lines_by_path) -> None:
    from seasonparse.jsonout import write_atomic

    base = path.resolve().parent
    entries = sorted(({"code": f.code, "path": _rel(f.path, base), "line": f.line, "message": f.message,
                       "fingerprint": fingerprint(f, _line(lines_by_path, f), base)} for f in findings),
                     key=lambda e: (e["path"], e["line"], e["code"], e["message"]))
    write_atomic(str(path), json.dumps({"seasonparse_baseline": FORMAT, "findings": entries},
                                       ensure_ascii=False, indent=1) + "\n")


def _line(lines_by_path, f: Finding) -> str:
    lines = lines_by_path.get(f.path, ())
    return lines[f.line - 1] if 0 < f.line <= len(lines) else ""


def load(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (create it with --write-baseline)") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"baseline {path}: cannot read it: {exc}") from None
    if not isinstance(data, dict) or data.get("seasonparse_baseline") != FORMAT or not isinstance(
            data.get("findings"), list):
        raise BaselineError(f"baseline {path}: not a seasonparse baseline (format {FORMAT})")
    try:
        return Counter(e["fingerprint"] for e in data["findings"])
    except (TypeError, KeyError):
        raise BaselineError(f"baseline {path}: an entry has no fingerprint") from None


def filter_new(findings: list[Finding], known: Counter, base_dir: Path, lines_by_path) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it hid."""
    left = Counter(known)
    new, hidden = [], 0
    for f in findings:
        fp = fingerprint(f, _line(lines_by_path, f), base_dir)
        if left[fp] > 0:
            left[fp] -= 1
            hidden += 1
        else:
            new.append(f)
    return new, hidden
