"""Citations: how a summary and the study it describes are cited and described to tools.

Part of the outputs layer. The study's reference as CSL data (``study_reference``),
its Harvard and APA text through citeproc-py (``cite_styles``, made fast by
``citeproc_speed``), RIS and BibTeX downloads (``reference_files``), Highwire
``citation_*`` tags for reference managers (``highwire``) and schema.org JSON-LD
(``structured_data``), brought together per summary by ``citing``. Imports from
the lower layers and from ``outputs`` itself (``precomputed``); nothing here is
imported by a lower layer.
"""
