"""How counts are worded in messages and reports, in one place for every command and rule."""


def plural(n: int, word: str, words: str | None = None) -> str:
    """`1 file`, `2 files`; `words` for irregular plurals (`match`, `matches`)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"
