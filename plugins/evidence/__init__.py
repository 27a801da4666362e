"""The content model of the site: summaries, vocabularies, facets and their validation.

This package never imports MkDocs. MkDocs is in maintenance, so everything that
decides *what* the site contains lives here as plain Python; the MkDocs plugins
in ``evidence_mkdocs`` only translate MkDocs events into calls on it.
"""
