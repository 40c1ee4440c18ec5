"""The format's words (data/lexicon.toml), loaded once and folded for matching."""

from __future__ import annotations

import pkgutil
import tomllib
from functools import cache

from seasonparse.names import fold


@cache
def lexicon() -> dict:
    """The parsed lexicon; a packaging error here is an internal error, not user input."""
    return tomllib.loads(pkgutil.get_data("seasonparse.data", "lexicon.toml").decode("utf-8"))


@cache
def words(group: str, key: str) -> frozenset[str]:
    """A folded word set, e.g. words("goalscorers", "own_goal_rows")."""
    return frozenset(fold(w) for w in lexicon()[group][key])


def contains_any(text: str, group: str, key: str) -> bool:
    """True when the folded `text` contains one of the group's words."""
    t = fold(text)
    return any(w in t for w in words(group, key))
