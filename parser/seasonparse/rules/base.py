"""What the cross-document rules share: who disagrees with the majority.

The rule vocabulary itself (Rule, Finding, Reporter, Settings, @rule) lives in
seasonparse.findings, below both the rules and the pipeline.
"""

from __future__ import annotations

from collections import Counter


def odd_ones(items, value, path):
    """(item, the items it disagrees with) for the items that disagree with the
    majority; with no majority, every item but those of the first path."""
    values = [value(i) for i in items]
    if len(set(values)) < 2:
        return []
    counts = Counter(values)
    top, n = counts.most_common(1)[0]
    if n * 2 > len(items):
        agree = [i for i, v in zip(items, values, strict=True) if v == top]
        return [(i, agree) for i, v in zip(items, values, strict=True) if v != top]
    first = min(path(i) for i in items)
    base = [i for i in items if path(i) == first]
    base_value = value(base[0])
    return [(i, base) for i, v in zip(items, values, strict=True) if path(i) != first and v != base_value]
