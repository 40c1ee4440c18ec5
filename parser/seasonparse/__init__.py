"""seasonparse: parse wiki-style football season articles into schema-checked JSON
and flag every contradiction, within a document and across documents."""

from seasonparse.compiled_re import install as _install_compiled_patterns

__version__ = "0.1.0"

_install_compiled_patterns()  # first: the patterns every module compiles at import are then found compiled
