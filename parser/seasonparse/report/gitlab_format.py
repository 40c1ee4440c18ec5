"""GitLab Code Quality JSON: a list of issues the merge request widget shows.

Each issue: `description` (the related locations after the message: a reference's line, the other
article's), `check_name`, `fingerprint`, `severity` (GitLab's
info / minor / major / critical / blocker), `location.path` relative to the
project's root ($CI_PROJECT_DIR, where it holds the working folder; else the working folder:
report.workspace) and `location.lines.begin`.
The fingerprint is made as the baseline's is (seasonparse.baseline.Fingerprints): code,
path from that root (the baseline's is from the configuration's folder), the text of the
line and the location-free message, so the same problem
keeps its fingerprint when lines move and GitLab can tell new issues from
fixed ones. Identical findings get the occurrence number mixed in, as GitLab
requires fingerprints to be unique.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SEVERITY = {"info": "info", "warning": "minor", "error": "major"}


def render(findings, lines_by_path, rules) -> str:
    from seasonparse.baseline import Fingerprints, line_of
    from seasonparse.report.workspace import GITLAB, base_folder

    stable = Fingerprints(Path(base_folder(GITLAB)))  # from the project's root: the job's folder may be below it
    seen: dict[str, int] = {}
    issues = []
    for f in findings:
        fingerprint = stable.fingerprint(f, line_of(lines_by_path, f))
        n = seen.get(fingerprint, 0)
        seen[fingerprint] = n + 1
        if n:
            fingerprint = hashlib.sha256(f"{fingerprint}\0{n}".encode()).hexdigest()[:24]
        issues.append({
            "description": f"{f.code} {f.message}" + (" (related: " + ", ".join(
                f"{stable.path(r.path) if r.path else '.'}:{r.line}" for r in f.related) + ")" if f.related else ""),
            "check_name": f"{f.code} {f.name or rules[f.code].name}",
            "fingerprint": fingerprint,
            "severity": SEVERITY[f.severity],
            "location": {"path": stable.path(f.path) if f.path else ".",
                         "lines": {"begin": max(f.line, 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
