"""The folder CI reports name files from: the repository's checkout as the CI names it (GitHub's
$GITHUB_WORKSPACE, GitLab's $CI_PROJECT_DIR) where it is set and holds the file, else the working folder.

GitHub attaches an annotation (`--format github`) and a code-scanning alert (SARIF) to a
file by its path from the repository's root: run with the action's `working-directory`
(`articles`), a path from the working folder (`a.txt`) named no file of the repository
(trial42). GitLab's Code Quality widget reads `location.path` from the project's root likewise.
With the variable unset, or a file outside it, paths are as they were.
"""

from __future__ import annotations

import os


GITHUB, GITLAB = "GITHUB_WORKSPACE", "CI_PROJECT_DIR"  # the variable naming the checkout


def workspace(variable: str = GITHUB) -> str | None:
    """The checkout the CI's `variable` names, as an absolute path, where it is set to a folder."""
    folder = os.environ.get(variable)
    if not folder or not os.path.isdir(folder):
        return None
    return os.path.abspath(folder)


def from_workspace(path: str, folder: str | None) -> str | None:
    """`path` (as the report shows it: from the working folder, or absolute) from `folder`,
    POSIX-style, where it is under it; else None."""
    base = _holding(folder, os.path.abspath(path))
    return None if base is None else os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def base_folder(variable: str = GITHUB) -> str:
    """The folder relative paths are from: the workspace where it holds the working folder (as
    the working folder's path reaches it), else the working folder itself (SARIF's %SRCROOT%,
    GitLab's paths and fingerprints)."""
    here = os.getcwd()
    return _holding(workspace(variable), here) or here


def _holding(folder: str | None, absolute: str) -> str | None:
    """`folder`, or its real path (the working folder always is a real one), where it holds
    the absolute path `absolute`; else None."""
    if folder is None:
        return None
    for base in dict.fromkeys((folder, os.path.realpath(folder))):
        relative = os.path.relpath(absolute, base)
        if relative != ".." and not relative.startswith(".." + os.sep):
            return base
    return None
