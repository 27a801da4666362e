"""The pagefind plugin: index the built site as the last step of every build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from evidence.search_index import IndexPlan, SearchIndexError, build_index

log = logging.getLogger("mkdocs.plugins.pagefind")


class PagefindConfig(base.Config):
    enabled = c.Type(bool, default=True)
    language = c.Type(str, default="en")


class PagefindPlugin(BasePlugin[PagefindConfig]):
    def __init__(self) -> None:
        self.stats: dict[str, int] = {}

    # Lowest priority: every other plugin must have written its pages before indexing.
    @event_priority(-100)
    def on_post_build(self, config) -> None:
        if not self.config.enabled:
            return
        plan = IndexPlan(Path(config.site_dir), language=self.config.language)
        try:
            self.stats = build_index(plan)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        log.info("Search index: %d files, %d bytes", self.stats["files"], self.stats["bytes"])
