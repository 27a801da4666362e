"""The site's own scripts: shared helpers live in one file, loaded before the scripts that use them."""

from __future__ import annotations

import re

from conftest import REPO

SCRIPTS = REPO / "content" / "assets" / "javascripts"


def test_shared_helpers_are_defined_once():
    """element, plural and the localStorage probe used to be copied into cpd.js, reading-path.js and search-engine.js."""
    for pattern in [r"function element\(", r"function plural\(", r"window\.localStorage"]:
        defined = sorted(path.name for path in SCRIPTS.glob("*.js") if re.search(pattern, path.read_text(encoding="utf-8")))
        assert defined == ["helpers.js"], f"{pattern} in {defined}"


def test_helpers_load_before_every_script_that_uses_them(bundled_site):
    """Classic scripts run in order; the search module runs after them all, once the page is parsed."""
    built = bundled_site / "assets" / "javascripts"
    for page in [bundled_site / "index.html", bundled_site / "my-cpd/index.html", bundled_site / "search/index.html"]:
        sources = re.findall(r'<script[^>]*\ssrc="[^"]*assets/javascripts/([^"/]+\.js)"', page.read_text(encoding="utf-8"))
        users = [name for name in sources if name != "helpers.js" and "window.evidence" in (built / name).read_text(encoding="utf-8")]
        assert users and sources.index("helpers.js") < min(sources.index(name) for name in users), sources
