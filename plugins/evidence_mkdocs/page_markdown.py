"""One Python-Markdown instance converts every page of a build, instead of a new one per page.

MkDocs' ``Page.render`` sets up a new ``markdown.Markdown`` for each page: every
extension loaded and every parsing step built again, about half a millisecond a
page (a third of converting a summary), on the build's one thread before pages
render in workers. ``render`` here takes the steps of MkDocs 1.6's
``Page.render`` on one instance, cleared with ``reset`` between pages: Python-
Markdown's own way to convert many documents
(https://python-markdown.github.io/reference/#Markdown.reset). MkDocs' per-page
processors are registered afresh for each page under their own names, which
replaces the previous page's. tests/test_page_markdown.py builds a fixture site
both ways and compares every file and message.
"""

from __future__ import annotations

import logging
from functools import partial

import markdown
from mkdocs.structure import pages  # its private per-page processors; MkDocs is pinned and the test compares
from mkdocs.structure.toc import get_toc

ENABLED = True  # tests switch it off to convert every page with MkDocs' own render and compare


class PageMarkdown:
    """The build's Markdown instance, made for the first page that is converted."""

    def __init__(self) -> None:
        self.md: markdown.Markdown | None = None
        self.config = None  # the build the instance was set up for

    def install(self, page: pages.Page) -> None:
        """Convert ``page`` with the shared instance when MkDocs renders it."""
        if ENABLED:
            page.render = partial(self.render, page)  # type: ignore[method-assign]

    def render(self, page: pages.Page, config, files) -> None:
        """MkDocs' ``Page.render``, on the shared instance."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._markdown(config)
        raw_html, anchors = pages._RawHTMLPreprocessor(), pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        relative, title = pages._RelativePathTreeprocessor(page.file, files, config), pages._ExtractTitleTreeprocessor()
        for processor in (raw_html, anchors, relative, title):
            processor._register(md)
        page.content = md.reset().convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors

    def _markdown(self, config) -> markdown.Markdown:
        if self.md is None or self.config is not config:
            self.md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
            self.config = config
        return self.md
