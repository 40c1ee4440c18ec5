"""Which inputs are MediaWiki dumps, by their file name: asked of every input in the parent of
a run before anything is parsed, so it lives below the front end (whose import, 5 ms, a
two-core run's parent otherwise never needs); frontend/dump.py reads the dumps."""

DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz")  # a MediaWiki XML dump


def is_dump(name: str) -> bool:
    return name.lower().endswith(DUMP_SUFFIXES)
