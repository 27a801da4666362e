"""Fixes to Material's HTML that no template override can reach.

Material's base.html writes ``autocomplete="off"`` on its hidden checkbox
toggles (``__drawer``, ``__search``) outside any overridable block; the Nu HTML
checker rejects ``autocomplete`` on checkboxes. Copying base.html would break on
every Material upgrade (it names versioned assets), so the attribute is removed
from the finished page instead.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')


def valid_checkboxes(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
