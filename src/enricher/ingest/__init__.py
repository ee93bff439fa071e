"""Ingest: raw bytes to a clean Article.

decode (bytes to text, format) -> dump (page-text dumps and plain text) | html | markdown,
with captions, dedupe and metadata shared by both cleaners, and language detection last.
"""
