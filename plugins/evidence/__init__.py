"""The content model of the site: summaries, vocabularies, facets and their validation.

This package never imports MkDocs. MkDocs is in maintenance, so everything that
decides *what* the site contains lives here as plain Python; the MkDocs plugins
in ``evidence_mkdocs`` only translate MkDocs events into calls on it.

Its sub-packages are the phases, in layers: ``read`` (files and settings into
checked data) -> ``check`` (rules content must pass) -> ``model`` (the loaded,
derived library) -> ``outputs`` (pages, feeds, citations, search index). A
module imports only from its own layer or a lower one.
"""
