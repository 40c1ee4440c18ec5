"""JSON Schemas of seasonparse output (package data)."""
