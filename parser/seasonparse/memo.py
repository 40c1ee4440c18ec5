"""Memoising by the argument object itself, for a value several rules derive in turn from
one document or one table."""

from collections import OrderedDict
from functools import wraps


def by_identity(kept: int):
    """Memoise a one-argument function for its `kept` most recent arguments, keyed by the
    argument object itself, not its value: hashing a document or a table would cost much of
    what the memo saves, and a JSON input may be edited after parsing and keep its
    source's hash. Each entry holds its argument, so no other object can take its id while
    the entry lives. Values are shared between callers: they must not be changed."""

    def decorate(fn):
        memo: OrderedDict[int, tuple[object, object]] = OrderedDict()

        @wraps(fn)
        def wrapper(obj):
            hit = memo.get(id(obj))
            if hit is not None and hit[0] is obj:
                return hit[1]
            value = fn(obj)
            memo[id(obj)] = (obj, value)
            if len(memo) > kept:
                memo.popitem(last=False)
            return value

        return wrapper

    return decorate
