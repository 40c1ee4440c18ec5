"""How counts and quotes are worded in messages and reports, in one place for every command and rule."""

QUOTE_LIMIT = 80  # characters of one quote (`...`) a message shows
LONG_MESSAGE = 400  # a message up to this long is shown as written: no real finding's quote comes near it
MESSAGE_LIMIT = 1000  # and one longer, its quotes cut, at most this long (an A002 listing 30 clubs is 923)


def plural(n: int, word: str, words: str | None = None) -> str:
    """`1 file`, `2 files`; `words` for irregular plurals (`match`, `matches`)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def ordinal(n: int) -> str:
    """`1st`, `2nd`, `11th`, `23rd`: a place in a table, as messages name it."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def cut(text: str, limit: int = QUOTE_LIMIT) -> str:
    """A quote of the source in a message: at most `limit` characters and its length (a
    template nested thousands deep is one line of a report, not 50,000 characters)."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def short_quotes(message: str) -> str:
    """`message` with each quote (between backticks) longer than QUOTE_LIMIT cut (see cut),
    and a message still longer than MESSAGE_LIMIT then cut as one: a club cell of 20,000
    characters named in a message (A001: "`La Piedad` is taken as `La Piedad w0 w1 ...`") is
    not repeated whole in every report. Messages up to LONG_MESSAGE characters are as the
    rules wrote them."""
    if len(message) <= LONG_MESSAGE:
        return message
    parts = message.split("`")
    if len(parts) > 2:  # quotes are the odd parts; an unpaired last backtick leaves its tail as text
        quoted = range(1, len(parts) - (len(parts) % 2 == 0), 2)
        for i in quoted:
            parts[i] = cut(parts[i])
        message = "`".join(parts)
    return cut(message, MESSAGE_LIMIT)
