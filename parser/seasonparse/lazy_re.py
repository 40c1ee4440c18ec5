"""Regular expressions compiled on first use, for patterns only some inputs need.

Python's `re` compiles in Python: ~0.3 to 5 million instructions a pattern,
paid at import for every module-level `re.compile`, in every run. A pattern
that only some inputs meet (a shoot-out note, a suppression comment, a dump's
page name) is made with `compile_lazily` instead, and compiled when first used.
"""

from __future__ import annotations

import re


class LazyPattern:
    """Stands for `re.compile(pattern, flags)`. A method (`match`, `sub`, ...) is fetched
    from the compiled pattern on first access and kept on the instance, so later
    calls cost what they cost on the pattern itself (no `__getattr__` on the way)."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        value = getattr(re.compile(*self._args), name)  # re's own cache: compiled once
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"compile_lazily{self._args!r}"


def compile_lazily(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
