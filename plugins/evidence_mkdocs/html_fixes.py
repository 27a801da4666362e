"""Fixes to Material's HTML that no template override can reach.

Material's base.html writes three things outside any overridable block, and
copying base.html would break on every Material upgrade (it names versioned
assets), so the finished page is corrected instead:

- ``autocomplete="off"`` on its hidden checkbox toggles (``__drawer``,
  ``__search``): the Nu HTML checker rejects ``autocomplete`` on checkboxes;
- the ``__search`` toggle has no label (our header replaced Material's search
  with partials/search-box.html), so HTML_CodeSniffer reports a nameless control;
- its skip link, present only on pages with a table of contents and pointing at
  the first heading's id, which a template with its own heading (``/search/``)
  does not have. main.html gives every page a skip link to #main-content instead.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_SEARCH_TOGGLE = re.compile(r'(<input\b[^>]*\bid="__search")(?![^>]*\baria-label=)')
_THEME_SKIP_LINK = re.compile(r'(<div data-md-component="skip">)\s*<a\b[^>]*class="md-skip"[^>]*>.*?</a>\s*(</div>)', re.S)


def valid_checkboxes(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def labelled_search_toggle(html: str) -> str:
    """Material's script still reads the toggle, so it stays, named after what it would open."""
    return _SEARCH_TOGGLE.sub(r'\1 aria-label="Search"', html, count=1)


def one_skip_link(html: str) -> str:
    """Keep Material's (empty) skip container, which its script looks up; drop the link to a heading."""
    return _THEME_SKIP_LINK.sub(r"\1\2", html, count=1)


def fixed(html: str) -> str:
    """Every fix above, in one call from the plugin."""
    return one_skip_link(labelled_search_toggle(valid_checkboxes(html)))
