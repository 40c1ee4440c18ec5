"""Lark grammars of the input formats (package data)."""
