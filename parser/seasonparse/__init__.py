"""seasonparse: parse wiki-style football season articles into schema-checked JSON
and flag every contradiction, within a document and across documents."""

__version__ = "0.1.0"
