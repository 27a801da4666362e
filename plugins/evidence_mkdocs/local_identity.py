"""A copy's own identity from ``local/settings.yml`` (``evidence.read.local_settings``), applied to MkDocs' config.

Only MkDocs' settings are touched here: name, address, description,
copyright, logo, an extra stylesheet with the brand colours, and what the
footer shows. The content model has already checked all of it.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files, InclusionLevel

from evidence.read import palette
from evidence.read.local_settings import LocalSettings

COLOURS_CSS = "assets/stylesheets/local-colours.css"


def apply(config, local: LocalSettings, serving: bool) -> None:
    """Under ``serve`` MkDocs has already chosen the preview's address, so the site's own is left alone."""
    for key, value in local.identity.items():
        if not (serving and key == "site_url"):
            config[key] = value
    if local.data.get("logo"):
        config.theme["logo"] = local.data["logo"]
    if local.colours and COLOURS_CSS not in config.extra_css:
        config.extra_css.append(COLOURS_CSS)  # after brand.css, so the council's colours win
    config.extra["local_footer"] = local.footer()


def add_colours(files: Files, config, local: LocalSettings) -> Files:
    """The brand colours as a generated stylesheet (never written into docs_dir)."""
    if local.colours:
        files.append(File.generated(config, COLOURS_CSS, content=palette.css(local.colours), inclusion=InclusionLevel.NOT_IN_NAV))
    return files
