"""Material's page configuration (``<script id="__config">``) with only what its script reads here.

Every page carries the theme's configuration as JSON for its bundle: the base
address, the features, and the words its search and version selector show.
With Material's own search switched off (Pagefind's box replaces it) and no
versions, the search worker's address and eight of the ten words are never
read, nor are the empty ``annotate``, ``tags`` and ``version``: 0.7 KB of every
page. What is left is the same JSON, without the spaces after separators.
"""

from __future__ import annotations

import json
import re

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

_CONFIG = re.compile(r'\s*(<script id="__config" type="application/json">)(.*?)(</script>)\s*', re.S)


def lean(html: str, search: bool) -> Markup:
    """The configuration block without what the bundle cannot read; anything else is left as it was."""
    found = _CONFIG.fullmatch(str(html))
    if not found:
        return Markup(html)
    app = _without_unused(json.loads(found.group(2)), search)
    return Markup(found.group(1) + str(htmlsafe_json_dumps(app, separators=(",", ":"))) + found.group(3))


def _without_unused(app: dict, search: bool) -> dict:
    """Search's worker and words only with Material's search, the version selector's word only with versions."""
    words = dict(app.get("translations") or {})
    if not search:
        app.pop("search", None)
        words = {key: text for key, text in words.items() if not key.startswith("search.")}
    if not app.get("version"):
        words.pop("select.version", None)
    return {key: value for key, value in {**app, "translations": words}.items() if value is not None}
