"""Lexicons and defaults that are data, not code (package data)."""
