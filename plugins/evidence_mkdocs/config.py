"""Typed configuration of the evidence plugin, as written in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class FacetConfig(base.Config):
    """One facet: any front-matter field can be browsed by declaring it here."""

    field = c.Type(str)
    name = c.Type(str)
    vocabulary = c.Optional(c.Type(str))
    label = c.Optional(c.Type(str))


class EvidenceConfig(base.Config):
    enabled = c.Type(bool, default=True)
    summaries_dir = c.Type(str, default="research_summaries")
    data_dir = c.Type(str, default="data")
    frameworks_dir = c.Optional(c.Type(str))  # default: <data_dir>/frameworks
    reading_paths_dir = c.Type(str, default="reading_paths")
    practice_weeks_dir = c.Type(str, default="practice_weeks")
    events_dir = c.Type(str, default="events")
    facets = c.ListOfItems(c.SubConfig(FacetConfig), default=[])
    browse_per_page = c.Type(int, default=50)
    related_count = c.Type(int, default=3)
    review_after_years = c.Type(int, default=3)
    # The UK nation the site serves: chooses data/cpd/<nation>.yml (allowed
    # values in schemas/options.schema.json, checked with their line).
    nation = c.Type(str, default="england")
    # The languages the site publishes, main language first (evidence/read/languages.py);
    # allowed codes in schemas/options.schema.json, checked with their line.
    languages = c.Type(list, default=["en"])
    contribute = c.Type(bool, default=True)  # the Contribute section (evidence.read.sections)
    # Content Security Policy in every page's <meta> (evidence/outputs/csp.py). Extra
    # sources per directive, for a fork that adds say an analytics origin:
    # csp_sources: {connect-src: ["https://stats.example.org"]}
    csp_enabled = c.Type(bool, default=True)
    csp_sources = c.Type(dict, default={})
    # Open data (catalogue.json, catalogue.csv): the licence it is published under.
    data_licence_name = c.Type(str, default="")
    data_licence_url = c.Type(str, default="")
    # Usage counting, off by default: a cookie-free engine the council runs (evidence/outputs/analytics.py).
    analytics_engine = c.Type(str, default="")
    analytics_url = c.Type(str, default="")
    analytics_site = c.Type((str, int), default="")
