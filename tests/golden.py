"""How golden files are made; shared by the tests and scripts/regen_golden.py."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Whole real articles whose JSON was checked by hand against the wikitext (the smallest one).
REAL_ARTICLES = (ROOT / "tests" / "fixtures" / "wikitext" / "1992–93_French_Division_1.wikitext",)


def _line(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def golden_text(seed: Path) -> str:
    """The seed's JSON output with one record a line; the source path made repo-relative."""
    from seasonparse.frontend import parse_file
    from seasonparse.jsonout import to_dict

    rel = seed.relative_to(ROOT).as_posix()
    data = to_dict(parse_file(str(seed), rel))
    out = ["{"]
    keys = list(data)
    for i, key in enumerate(keys):
        value = data[key]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value:
            out.append(f" {_line(key)}: [")
            out.extend(f"  {_line(v)}{',' if j < len(value) - 1 else ''}" for j, v in enumerate(value))
            out.append(f" ]{comma}")
        else:
            out.append(f" {_line(key)}: {_line(value)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def cli_output(*args: str) -> str:
    """stdout of `seasonparse ARGS` run in-process from the repository root."""
    from seasonparse.cli import main

    buf = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
            main(list(args))
    finally:
        os.chdir(cwd)
    text = buf.getvalue().replace(ROOT.as_uri() + "/", "file:///ROOT/")  # SARIF's base, clone-independent
    return "\n".join(line for line in text.split("\n") if not line.startswith("seasonparse: "))


# name -> the command whose output is kept in tests/golden/<name>
SNAPSHOTS = {
    "findings.txt": ("check", "seeds", "--format", "concise", "--no-baseline"),
    **{f"report.{fmt}": ("check", "tests/fixtures/check/small.txt", "--format", fmt, "--no-baseline")
       for fmt in ("text", "concise", "json", "sarif", "github")},
}
