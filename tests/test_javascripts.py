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
    """Classic scripts run in order (the plain ones joined into one file, in order: asset_bundle.py); the search
    module runs after them all, and cpd-loader.js adds the CPD record's scripts (data-cpd-scripts) after the page's own.
    The file that defines the helpers comes first, and defines them before it uses them."""
    built = bundled_site / "assets" / "javascripts"
    pages = [bundled_site / "index.html", bundled_site / "my-cpd/index.html", bundled_site / "search/index.html",
             *sorted(bundled_site.glob("reading-paths/*/index.html"))[:1]]
    used = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        sources = re.findall(r'<script[^>]*\ssrc="[^"]*assets/javascripts/([^"/]+\.js)"', text)
        for listed in re.findall(r'data-cpd-scripts="([^"]*)"', text):
            assert any("cpdScripts" in (built / name).read_text(encoding="utf-8") for name in sources), f"{page}: cpd-loader.js"
            sources += [src.rsplit("/", 1)[-1] for src in listed.split()]
        scripts = {name: (built / name).read_text(encoding="utf-8") for name in sources}
        [definer] = [name for name, script in scripts.items() if re.search(r"window\.evidence\s*=", script)]
        users = [name for name, script in scripts.items() if "window.evidence." in script]
        assert all(sources.index(definer) <= sources.index(name) for name in users), sources
        own = scripts[definer]
        assert "window.evidence." not in own or re.search(r"window\.evidence\s*=", own).start() < own.index("window.evidence."), definer
        used.update(users)
    assert {"cpd.js", "cpd-form.js"} <= used, "the pages checked include the scripts that use the helpers"
