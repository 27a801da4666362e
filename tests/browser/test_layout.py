"""Phone layout: pages fit the screen, words stay whole, big pages stay light.

Checked on one page per page kind at phone and tablet widths (see PAGE_KINDS), plus the
coverage view, whose tables are the widest and largest thing the site prints.
"""

from __future__ import annotations

import pytest

from .browser import PAGE_KINDS, page_url

SMALL_WIDTHS = (320, 360, 390, 412, 768)  # phones and a tablet
DESKTOP = 1280
# An element budget per screen of page: Lighthouse warns from 800 elements on a
# whole page; a long page may hold more, but not more per screenful.
ELEMENTS_PER_SCREEN = 800

# Words (split at spaces, hyphens and slashes, where breaking is allowed) whose
# letters are drawn on more than one line, in the page's main content. Web
# addresses are not words: a long one may wrap anywhere.
BROKEN_WORDS_JS = """() => {
  const broken = [];
  const root = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.replace(/\\S*(:\\/\\/|www\\.)\\S*/g, (url) => ' '.repeat(url.length));
    for (const match of text.matchAll(/[^\\s\\-\\u2010-\\u2015\\/]+/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""

PAGE_WIDTH_JS = "() => document.documentElement.scrollWidth"
ELEMENTS_PER_SCREEN_JS = """() => document.querySelectorAll('*').length
  / Math.max(1, document.documentElement.scrollHeight / window.innerHeight)"""


def _open(page, built_site, site_server, html_file, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(page_url(site_server, built_site, html_file))


@pytest.mark.parametrize("kind", [kind for kind, _ in PAGE_KINDS])
def test_no_page_scrolls_sideways_or_breaks_words_on_a_phone_or_tablet(page, built_site, site_pages, site_server, kind):
    html_file = site_pages[kind]
    if html_file is None:
        pytest.skip(f"the built site has no '{kind}' page yet")
    _open(page, built_site, site_server, html_file, DESKTOP)
    problems = []
    for width in SMALL_WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        if page.evaluate(PAGE_WIDTH_JS) > width:
            problems.append(f"at {width} px the page is {page.evaluate(PAGE_WIDTH_JS)} px wide")
        broken = page.evaluate(BROKEN_WORDS_JS)
        if broken:
            problems.append(f"at {width} px words broken across lines: {sorted(set(broken))[:10]}")
    assert problems == [], f"{kind}: " + "; ".join(problems)


@pytest.mark.parametrize("width", [SMALL_WIDTHS[0], DESKTOP])
def test_coverage_view_stays_under_the_element_budget(page, built_site, site_pages, site_server, width):
    """The matrix is the site's largest page; its size follows standards and terms, not summaries."""
    html_file = site_pages["cpd-coverage"]
    if html_file is None:
        pytest.skip("the built site has no coverage page")
    _open(page, built_site, site_server, html_file, width)
    per_screen = page.evaluate(ELEMENTS_PER_SCREEN_JS)
    assert per_screen < ELEMENTS_PER_SCREEN, f"{per_screen:.0f} elements per screenful at {width} px"
