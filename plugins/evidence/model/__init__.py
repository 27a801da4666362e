"""Model: the site's content as plain objects, loaded, checked and derived once.

Layer 3 of 4 (read -> check -> model -> outputs). Summaries, vocabularies,
facets, frameworks and CPD rules, reading paths, practice weeks and events,
related summaries and coverage, the one URL format per page kind (``routes``),
and ``library``, which runs load -> validate -> derive. Imports from ``read``
and ``check``, never from ``outputs``.
"""
