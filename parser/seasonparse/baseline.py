"""Baselines: accept the findings a repository already knows about.

`--write-baseline FILE` records the current findings; `--baseline FILE` then
reports only findings not recorded. A finding is recognised by a fingerprint
made of parts that do not depend on how the tool is run:

- its code;
- its path relative to the root (the configuration's folder, else the
  baseline file's), not as typed, so the working folder and absolute or
  relative arguments do not matter; for a page of a dump, the dump's path and
  the page title, not its revision id;
- the text of the line it points at, white space normalised, not the line
  number, so lines may move;
- its message, with every path of the finding and of its related locations
  made root-relative and the `:line` or `:line:column` after it removed, so
  related lines may move too.

The fingerprint changes when the problem changes (another value in the
message, another line text). Matching counts duplicates, so a second identical
finding is new.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

from seasonparse.findings import Finding
from seasonparse.lazy_re import compile_lazily

FORMAT = 2  # 1: paths relative to the baseline's folder, messages as printed


class BaselineError(Exception):
    pass


def anchor(config, baseline_file: Path) -> Path:
    """The folder fingerprint paths are relative to: the configuration's where a
    configuration file is in force, else the baseline file's (never the working folder)."""
    return (config.root if config.source is not None else baseline_file.parent).resolve()


_LOCATION = compile_lazily(r"(?::\d+){1,2}")
_PATH_CHAR = compile_lazily(r"[\w./\\-]")


def _whole(text: str, at: int, end: int) -> bool:
    """text[at:end] is a whole path: no path character before it, none after it
    but a sentence's full stop (`a.txt.` yes, `a.txt.bak` or `a.txt/x` no)."""
    if at > 0 and _PATH_CHAR.match(text, at - 1):
        return False
    if end < len(text) and _PATH_CHAR.match(text, end):
        return text[end] == "." and not (end + 1 < len(text) and _PATH_CHAR.match(text, end + 1))
    return True


class Fingerprints:
    """A finding's fingerprint, the baseline's and GitLab's: root-relative paths and location-free
    messages (cached per path), so a fingerprint survives moved lines and another working folder."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._rel: dict[str, str] = {}

    def path(self, path: str) -> str:
        rel = self._rel.get(path)
        if rel is None:
            from seasonparse.frontend.dump import split_display

            page = split_display(path)  # a dump's page: its dump's path and its title, not the
            if page:  # revision, which an edit of the page moves as it moves lines
                rel = f"{self._file(page[0])}:{page[1]}"
            else:
                rel = self._file(path)
            self._rel[path] = rel
        return rel

    def _file(self, path: str) -> str:
        resolved = Path(path).resolve()
        try:
            return Path(os.path.relpath(resolved, self.root)).as_posix()
        except ValueError:  # another drive
            return resolved.as_posix()

    def message(self, f: Finding) -> str:
        """The message with each whole path of the finding or its related locations
        made root-relative and the `:line` or `:line:col` after it dropped."""
        text, spans = f.message, []
        for path in sorted({f.path, *(r.path for r in f.related)}, key=len, reverse=True):
            at = text.find(path)  # longest first: `a/b.txt` is taken before `b.txt` could be
            while at >= 0:
                end = at + len(path)
                if _whole(text, at, end) and not any(s <= at < e for s, e, _ in spans):
                    location = _LOCATION.match(text, end)
                    spans.append((at, location.end() if location else end, path))
                at = text.find(path, end)
        out, done = [], 0
        for at, end, path in sorted(spans):
            out += [text[done:at], self.path(path)]
            done = end
        return "".join(out) + text[done:]

    def fingerprint(self, f: Finding, line_text: str) -> str:
        key = "\0".join((f.code, self.path(f.path), " ".join(line_text.split()), self.message(f)))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def line_of(lines_by_path, f: Finding) -> str:
    """The text of the line a finding is at (the fingerprint reads it: lines move, text stays)."""
    lines = lines_by_path.get(f.path, ())
    return lines[f.line - 1] if 0 < f.line <= len(lines) else ""


def write(path: Path, findings: list[Finding], lines_by_path, root: Path) -> None:
    """Record `findings`; the file is the same whatever folder the tool was run from."""
    import json  # here, not at import: a run without a baseline reads no JSON

    from seasonparse.jsonout import write_atomic

    stable = Fingerprints(root)
    entries = sorted(({"code": f.code, "path": stable.path(f.path), "line": f.line,
                       "message": stable.message(f), "fingerprint": stable.fingerprint(f, line_of(lines_by_path, f))}
                      for f in findings),
                     key=lambda e: (e["path"], e["line"], e["code"], e["message"]))
    write_atomic(str(path), json.dumps({"seasonparse_baseline": FORMAT, "findings": entries},
                                       ensure_ascii=False, indent=1) + "\n")


def load(path: Path) -> Counter:
    """The recorded fingerprints; a baseline of an older format is an error, to regenerate; of a
    newer one (a newer seasonparse's), to upgrade seasonparse for."""
    import json

    from seasonparse.inputs import not_a_file_to_read

    why = not_a_file_to_read(path)
    if why == "no such file":
        raise BaselineError(f"baseline {path}: no such file (create it with --write-baseline)")
    if why:
        raise BaselineError(f"baseline {path}: {why}")
    not_ours = f"not a seasonparse baseline (format {FORMAT})"
    try:
        # utf-8-sig: a byte order mark an editor put before the JSON is no reason to refuse it (trial44)
        data = json.loads(path.read_text("utf-8-sig"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (create it with --write-baseline)") from None
    except json.JSONDecodeError as exc:  # an article configured as the baseline (trial44): said so, where
        raise BaselineError(f"baseline {path}:{exc.lineno}:{exc.colno}: {not_ours}: not JSON "
                            f"({exc.msg.removesuffix(' at')})") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"baseline {path}: {not_ours}: not UTF-8 text (byte {exc.object[exc.start]:#04x} "
                            f"at offset {exc.start})") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"baseline {path}: cannot read it: {getattr(exc, 'strerror', None) or exc}") from None
    except RecursionError:  # `[` nested thousands deep (review33): no baseline nests past two levels
        raise BaselineError(f"baseline {path}: {not_ours}: JSON nested too deep") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list) or not isinstance(
            data.get("seasonparse_baseline"), int) or isinstance(data.get("seasonparse_baseline"), bool):
        raise BaselineError(f"baseline {path}: {not_ours}")
    if data["seasonparse_baseline"] > FORMAT:  # regenerated here, it would lose what the newer one records
        raise BaselineError(f"baseline {path}: format {data['seasonparse_baseline']}, written by a newer "
                            f"seasonparse; this one reads format {FORMAT}: upgrade seasonparse")
    if data["seasonparse_baseline"] != FORMAT:
        raise BaselineError(f"baseline {path}: format {data['seasonparse_baseline']}, this seasonparse "
                            f"reads format {FORMAT}; regenerate it with `seasonparse check "
                            f"--write-baseline {path}`")
    try:
        return Counter(e["fingerprint"] for e in data["findings"])
    except (TypeError, KeyError):
        raise BaselineError(f"baseline {path}: an entry has no fingerprint") from None


def filter_new(findings: list[Finding], known: Counter, root: Path, lines_by_path) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it hid."""
    stable = Fingerprints(root)
    left = Counter(known)
    new, hidden = [], 0
    for f in findings:
        fp = stable.fingerprint(f, line_of(lines_by_path, f))
        if left[fp] > 0:
            left[fp] -= 1
            hidden += 1
        else:
            new.append(f)
    return new, hidden
