"""Cross-document rules (one season, many articles): filled in by the corpus work."""

from __future__ import annotations

RULES = ()
