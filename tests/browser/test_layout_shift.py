"""No layout shift: what a page first paints stays where it is while scripts run.

Cumulative Layout Shift is read from Chromium's own layout-shift entries
(PerformanceObserver), the figure Lighthouse and field data report, on one page
per page kind at a phone and a desktop width. 0.05 is half the threshold
Google calls "good": a content that jumps, or a scrollbar that appears and
pushes everything sideways, scores far above it.
"""

from __future__ import annotations

import pytest

from .browser import PAGE_KINDS, page_url

WIDTHS = {"phone": 390, "desktop": 1280}
LIMIT = 0.05

# Layout-shift entries, from the first paint on (buffered: they are not in the
# performance timeline), read after the page
# and the scripts it starts have settled: two animation frames after load.
CLS_JS = """() => new Promise((done) => {
  const entries = [];
  new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({type: 'layout-shift', buffered: true});
  const read = () => {
    const counted = entries.filter((e) => !e.hadRecentInput);
    done({cls: counted.reduce((sum, e) => sum + e.value, 0),
          moved: counted.flatMap((e) => (e.sources || []).map((s) => s.node ? (s.node.outerHTML || s.node.nodeName).slice(0, 120) : '?'))});
  };
  const settle = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(read, 300)));
  if (document.readyState === 'complete') settle(); else addEventListener('load', settle);
})"""


@pytest.fixture(scope="module")
def fresh_tab(browser):
    """A tab of its own: layout-shift entries belong to one page load, and the
    shared tab's viewport changes would count as shifts."""
    context = browser.new_context(reduced_motion="reduce")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("kind", [kind for kind, _ in PAGE_KINDS])
def test_page_does_not_shift_while_loading(fresh_tab, built_site, site_pages, site_server, kind, width):
    html_file = site_pages[kind]
    if html_file is None:
        pytest.skip(f"the built site has no '{kind}' page yet")
    fresh_tab.set_viewport_size({"width": WIDTHS[width], "height": 800})
    fresh_tab.goto(page_url(site_server, built_site, html_file), wait_until="load")
    result = fresh_tab.evaluate(CLS_JS)
    assert result["cls"] < LIMIT, f"{kind} at {WIDTHS[width]} px: CLS {result['cls']:.3f}; moved: {result['moved'][:5]}"
