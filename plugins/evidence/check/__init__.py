"""Check: rules a piece of content must pass as it is read, beyond its schema.

Layer 2 of 4 (read -> check -> model -> outputs). Safe markup, ids and
classes that cannot take over the page, links between pages, length in plain
English. Imports only from ``read``. Checks that need the whole library
(duplicates, standards, CPD rules, search queries) live in ``model`` beside
what they check, and ``model.library`` runs them all before anything renders.
"""
