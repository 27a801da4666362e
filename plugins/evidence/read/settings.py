"""Where content lives and which facets exist: read from the evidence plugin's config.

``build.py check`` validates without importing MkDocs, so it reads the plugin's
block from ``mkdocs.yml`` (``evidence.read.options``, checked against the options
schema); the MkDocs plugin passes its own (typed) config, checked against the
same schema, through the same ``Settings.from_mapping``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .languages import Languages
from .front_matter import line_of
from .local_settings import LocalSettings
from .options import read_config_file
from .problems import Problem


@dataclass(frozen=True)
class FacetSpec:
    """A facet as configured: which field, under which URL name, with which vocabulary."""

    field: str
    name: str
    vocabulary: str | None = None
    label: str | None = None
    line: int = field(default=1, compare=False)  # in mkdocs.yml, where a problem with it is reported


@dataclass
class Settings:
    root: Path
    summaries_dir: str = "research_summaries"
    data_dir: str = "data"
    frameworks_dir: str | None = None  # None: "<data_dir>/frameworks"
    reading_paths_dir: str = "reading_paths"
    practice_weeks_dir: str = "practice_weeks"
    events_dir: str = "events"
    docs_dir: str = "content"
    config_file: str = "mkdocs.yml"
    theme_dir: str | None = None  # the theme's custom_dir (overrides/): templates and assets we publish
    facets: list[FacetSpec] = field(default_factory=list)
    per_page: int = 50
    related_count: int = 3
    review_after_years: int = 3
    csp_enabled: bool = True
    csp_sources: dict[str, Any] = field(default_factory=dict)  # extra sources per policy directive
    data_licence_name: str = ""  # the open data's licence; empty: none chosen yet, and the catalogue says so
    data_licence_url: str = ""
    nation: str = "england"  # chooses <data_dir>/cpd/<nation>.yml
    languages: Languages = field(default_factory=Languages)  # the first is the main language (evidence.read.languages)
    contribute: bool = True  # the Contribute section: its pages, nav entry and the links to it (evidence.read.sections)
    analytics_engine: str = ""  # off; or plausible, goatcounter, matomo (evidence/outputs/analytics.py)
    analytics_url: str = ""
    analytics_site: str = ""
    config_problems: tuple[Problem, ...] = ()  # mistakes in mkdocs.yml itself, reported with the content's
    config_readable: bool = True  # False: mkdocs.yml could not be parsed, so there is nothing else to check
    site_url: str | None = None  # MkDocs' own setting, read here because the site's path depends on it
    local: LocalSettings = field(default_factory=LocalSettings, repr=False)  # local/settings.yml, already applied

    def __post_init__(self) -> None:
        """Frameworks are data: a fork that moves ``data_dir`` moves them too, unless it places them itself."""
        if not self.frameworks_dir:
            self.frameworks_dir = f"{self.data_dir}/frameworks"

    @classmethod
    def from_mapping(cls, root: Path, options: dict[str, Any], docs_dir: str = "content", config_file: str = "mkdocs.yml", theme_dir: str | None = None, lines: dict | None = None, site_url: str | None = None) -> "Settings":
        """Settings from options already checked against the options schema (see ``evidence.read.options``),
        with the copy's own local/settings.yml laid over them."""
        local = LocalSettings.load(root)
        options = {**options, **local.plugin_options}
        site_url = local.identity.get("site_url", site_url)
        facets = [
            FacetSpec(f["field"], f["name"], f.get("vocabulary"), f.get("label"), line_of(lines or {}, ("facets", index)))
            for index, f in enumerate(options.get("facets") or [])
        ]
        return cls(
            root=root,
            summaries_dir=options.get("summaries_dir", "research_summaries"),
            data_dir=options.get("data_dir", "data"),
            frameworks_dir=options.get("frameworks_dir"),
            reading_paths_dir=options.get("reading_paths_dir", "reading_paths"),
            docs_dir=docs_dir,
            config_file=config_file,
            theme_dir=theme_dir,
            facets=facets,
            per_page=options.get("browse_per_page", 50),
            related_count=options.get("related_count", 3),
            review_after_years=options.get("review_after_years", 3),
            csp_enabled=options.get("csp_enabled", True),
            csp_sources=dict(options.get("csp_sources") or {}),
            practice_weeks_dir=options.get("practice_weeks_dir", "practice_weeks"),
            events_dir=options.get("events_dir", "events"),
            data_licence_name=options.get("data_licence_name") or "",
            data_licence_url=options.get("data_licence_url") or "",
            nation=options.get("nation", "england"),
            site_url=site_url,
            local=local,
            contribute=options.get("contribute", True),
            languages=Languages(tuple(options.get("languages") or ("en",))),
            analytics_engine=options.get("analytics_engine") or "",
            analytics_url=options.get("analytics_url") or "",
            analytics_site=str(options.get("analytics_site") or ""),
        )

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> "Settings":
        """Read the ``evidence`` plugin options without MkDocs (for ``check``); their mistakes, and the
        ``pagefind`` plugin's, travel along."""
        found = read_config_file(path)
        settings = cls.from_mapping(path.parent, found.options, found.docs_dir, path.name, found.theme_dir, found.lines, found.site_url)
        settings.config_problems = tuple(found.problems.items + found.search.problems.items)
        settings.config_readable = found.readable
        return settings

    @property
    def image_sources(self) -> tuple[str, ...] | None:
        """Other websites pages may show images from (the policy's extra img-src); None: no policy, any will do."""
        if not self.csp_enabled:
            return None
        sources = self.csp_sources.get("img-src") or ()
        return (sources,) if isinstance(sources, str) else tuple(sources)

    @property
    def site_path(self) -> str:
        """The path the site is published under, with both slashes: '/' at the root of a domain."""
        path = urlsplit(self.site_url or "/").path.strip("/")
        return f"/{path}/" if path else "/"

    def path(self, relative: str) -> Path:
        return self.root / relative

    @property
    def cpd_file(self) -> Path:
        """The chosen nation's CPD rules: one file per nation, so choosing a nation is one setting."""
        return self.path(self.data_dir) / "cpd" / f"{self.nation}.yml"
