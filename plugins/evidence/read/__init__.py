"""Read: source files and settings turned into checked data, each problem at its line.

Layer 1 of 4 (read -> check -> model -> outputs). Parsing front matter and
YAML, scanning Markdown, the project's own files, JSON Schema validation
against ``plugins/evidence/schemas/``, the plugin's options and a council's
``local/`` settings, and the ``Problems`` every later phase reports into.
Imports nothing from the other layers.
"""
