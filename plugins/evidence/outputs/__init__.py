"""Outputs: what the site derives from the model for readers and their tools.

Layer 4 of 4 (read -> check -> model -> outputs). Generated pages as plain
data (``pages``), feeds and calendars, citations and reference files (``citations``), open
data, structured data, the share image and QR codes, the security policy,
analytics, what the search index holds, and the preview's page fingerprints.
Imports from any lower layer; no lower layer imports it.
"""
