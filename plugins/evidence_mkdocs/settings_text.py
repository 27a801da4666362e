"""Settings and titles reach pages as text, never as markup.

MkDocs renders templates with Jinja's autoescaping off, and Material prints
``site_name``, ``site_description``, ``copyright``, ``extra`` values, nav
titles and page titles as they are. A pull request can change ``mkdocs.yml`` as
easily as a summary, so each of these is escaped once, as a ``Markup`` copy,
just before templates render (after the feeds and the share image have used the
plain text). ``Markup`` is not escaped twice by ``| e``, so templates that do
escape keep working.

Jinja's ``striptags`` filter turns escaped text back into markup
(``Markup.striptags`` unescapes), and Material writes ``{{ page.title | striptags }}``
into ``<title>``; the filter is replaced by one that gives back escaped text.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

TEXT_SETTINGS = ("site_name", "site_description", "copyright")


def text(value: Any) -> Any:
    """A string as escaped ``Markup`` (once); anything else as it is."""
    return escape(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def escape_settings(config) -> None:
    for key in TEXT_SETTINGS:
        config[key] = text(config.get(key))
    extra = config.get("extra")
    for key in list(extra or {}):
        extra[key] = _escaped(extra[key])


def escape_nav(items) -> None:
    """Section and link titles from ``nav`` in mkdocs.yml; pages' titles are escaped once they are rendered
    (a page's title may come from its front matter or its first heading, known only then)."""
    for item in items or []:
        if not item.is_page:
            item.title = text(item.title)
        escape_nav(getattr(item, "children", None))


def striptags(value: Any) -> Markup:
    """The text without tags, still escaped: safe wherever a template prints it."""
    return escape(Markup(str(value)).striptags())


def _escaped(value: Any) -> Any:
    """Every string in an ``extra`` value; keys stay as written (templates look values up by them)."""
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return text(value)
