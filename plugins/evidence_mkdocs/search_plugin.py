"""The pagefind plugin: index the built site as the last step of every build.

Under ``serve`` the index is built in the background: the edited page reloads
as soon as its HTML is written, and search catches up a moment later, instead
of the editor waiting for the whole site to be indexed after every save. The
next save stops an index still running (it would describe the site before
that save) instead of waiting for it, and a new one starts after the rebuild
(``preview_index``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from evidence.outputs.search_index import SHARD_PAGES, IndexPlan, SearchIndexError, build_index
from evidence.read.options import SEARCH, plugin_options

from .preview_index import BackgroundIndex

log = logging.getLogger("mkdocs.plugins.pagefind")


class PagefindConfig(base.Config):
    """Checked first against schemas/search_options.schema.json, with mkdocs.yml's lines (``load_config``)."""

    enabled = c.Type(bool, default=True)
    language = c.Type(str, default="en")
    # Pages of one language per Pagefind run; a larger catalogue is indexed in parts merged in the browser.
    shard_pages = c.Type(int, default=SHARD_PAGES)


class PagefindPlugin(BasePlugin[PagefindConfig]):
    def __init__(self) -> None:
        self.stats: dict[str, int] = {}
        self.serving = False
        self.indexing: BackgroundIndex | None = None

    def load_config(self, options, config_file_path=None):
        """The options schema speaks first, as for the evidence plugin: ``shard_pages: 0`` is refused
        at its line with the fix, in the same words ``check`` uses, instead of indexing one page per part."""
        problems, sound = plugin_options(options, config_file_path, SEARCH)
        if problems:
            listed = "\n".join(str(p) for p in problems.sorted())
            raise PluginError(f"{len(problems.errors)} problem(s) in the pagefind plugin's options:\n{listed}")
        return super().load_config(sound, config_file_path)

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    # First: the next build rewrites the site folder, so the last background index must be stopped.
    @event_priority(100)
    def on_config(self, config):
        if self.indexing is not None:
            self.indexing.stop()
            self.indexing = None
        return config

    # Lowest priority: every other plugin must have written its pages before indexing.
    @event_priority(-100)
    def on_post_build(self, config) -> None:
        if not self.config.enabled:
            return
        language = None if _bilingual(config) else self.config.language
        plan = IndexPlan(Path(config.site_dir), language=language, shard_pages=self.config.shard_pages)
        if self.serving:
            self.indexing = BackgroundIndex(plan, self._indexed)
            return
        try:
            self.stats = build_index(plan)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
        log.info("Search index: %d files, %d bytes", self.stats["files"], self.stats["bytes"])

    def _indexed(self, stats: dict[str, int]) -> None:
        self.stats = stats

    def on_shutdown(self) -> None:
        if self.indexing is not None:
            self.indexing.stop()


def _bilingual(config) -> bool:
    """A site in several languages gets one index per language, as each page's <html lang> says."""
    evidence = config.plugins.get("evidence")
    library = getattr(evidence, "library", None)
    return bool(library and library.settings.languages.bilingual)
