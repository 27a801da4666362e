"""The pagefind plugin: index the built site as the last step of every build.

Under ``serve`` the index is built in the background: the edited page reloads
as soon as its HTML is written, and search catches up a moment later, instead
of the editor waiting for the whole site to be indexed after every save.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from evidence.outputs.search_index import IndexPlan, SearchIndexError, build_index

log = logging.getLogger("mkdocs.plugins.pagefind")


class PagefindConfig(base.Config):
    enabled = c.Type(bool, default=True)
    language = c.Type(str, default="en")


class PagefindPlugin(BasePlugin[PagefindConfig]):
    def __init__(self) -> None:
        self.stats: dict[str, int] = {}
        self.serving = False
        self.indexing: threading.Thread | None = None

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    # First: the next build empties the site folder, so the last background index must be finished.
    @event_priority(100)
    def on_config(self, config):
        self._wait()
        return config

    # Lowest priority: every other plugin must have written its pages before indexing.
    @event_priority(-100)
    def on_post_build(self, config) -> None:
        if not self.config.enabled:
            return
        plan = IndexPlan(Path(config.site_dir), language=None if _bilingual(config) else self.config.language)
        if self.serving:
            self.indexing = threading.Thread(target=self._index_quietly, args=(plan,), daemon=True)
            self.indexing.start()
            return
        try:
            self.stats = build_index(plan)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        log.info("Search index: %d files, %d bytes", self.stats["files"], self.stats["bytes"])

    def _index_quietly(self, plan: IndexPlan) -> None:
        """In the preview a failed index is a message, not a stopped server."""
        try:
            self.stats = build_index(plan)
        except (SearchIndexError, OSError) as exc:
            log.error("Search index not refreshed: %s", exc)

    def _wait(self) -> None:
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None


def _bilingual(config) -> bool:
    """A site in several languages gets one index per language, as each page's <html lang> says."""
    evidence = config.plugins.get("evidence")
    library = getattr(evidence, "library", None)
    return bool(library and library.settings.languages.bilingual)
