"""Keyboard gate: the site can be used with Tab, Enter and Escape alone.

Checks what axe cannot: that the skip link works, that Tab reaches every
visible control, that focus is always visible, and that phone users can open
the navigation drawer without a pointer.
"""

from __future__ import annotations

import pytest

from .browser import PAGE_KINDS, page_url

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Every kind of page gets the skip-link and Tab checks, as with axe and Nu.
KINDS = [kind for kind, _ in PAGE_KINDS]

# On very long pages only the first this-many tab stops are walked (in DOM
# order), which keeps the suite fast; header, navigation and the start of the
# content are where keyboard traps and missing focus styles show up.
MAX_TAB_STOPS = 250

# Tags every visible, tabbable element with data-kb-index and describes it.
LIST_TABBABLE_JS = """() => {
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]') || el.matches('input[type=hidden]')) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    el.dataset.kbIndex = String(found.length);
    found.push(window.__kbDescribe(el));
  }
  return found;
}"""

# Shared helpers installed in the page: a short description of an element,
# and a log of every element that receives focus, with its focus style.
INSTALL_HELPERS_JS = """() => {
  window.__kbDescribe = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').trim().replace(/\\s+/g, ' ');
    const href = el.getAttribute('href');
    return `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${href ? ' href=' + href : ''}> "${text.slice(0, 40)}"`;
  };
  window.__kbLog = [];
  document.addEventListener('focusin', (event) => {
    const el = event.target;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    window.__kbLog.push({
      index: el.dataset.kbIndex ?? null,
      description: window.__kbDescribe(el),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.left < window.innerWidth
                && el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    });
  }, true);
}"""

ACTIVE_ELEMENT_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const main = document.querySelector('main, [role=main]');
  return {
    description: window.__kbDescribe(el),
    href: el.getAttribute('href'),
    text: el.textContent.trim(),
    inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
                && box.bottom <= window.innerHeight && box.right <= window.innerWidth
                && el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    inMain: !!main && main.contains(el),
    id: el.id,
    ariaExpanded: el.getAttribute('aria-expanded'),
    inDrawer: !!el.closest('.md-sidebar--primary'),
    onTop: el.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)),
  };
}"""

# The phone navigation drawer is open: visible and slid into the viewport.
DRAWER_OPEN_JS = """() => {
  const nav = document.querySelector('.md-sidebar--primary');
  const box = nav.getBoundingClientRect();
  return document.getElementById('__drawer').checked
    && nav.checkVisibility({visibilityProperty: true}) && box.left >= 0 && box.right > 0;
}"""


def _open(page, built_site, site_server, html_file, viewport):
    """Load a page at a viewport size with the focus-logging helpers installed."""
    page.set_viewport_size(viewport)
    page.goto(page_url(site_server, built_site, html_file))
    page.evaluate(INSTALL_HELPERS_JS)


def _pages_to_test(site_pages):
    """One page of every kind in PAGE_KINDS (None where the build has none yet)."""
    if site_pages["home"] is None:
        pytest.fail("the built site has no home page (index.html)")
    return site_pages


def _has_visible_focus_indicator(entry) -> bool:
    """Outline of at least 2px, or a box-shadow ring (brand.css uses both)."""
    outline = entry["outlineStyle"] != "none" and entry["outlineWidth"] >= 2
    return outline or entry["boxShadow"] not in ("", "none")


@pytest.mark.parametrize("kind", KINDS)
def test_first_tab_reaches_a_working_skip_link(page, built_site, site_pages, site_server, kind):
    """WCAG 2.4.1: a visible skip link comes first and moves focus into the main content."""
    html_file = _pages_to_test(site_pages)[kind]
    if html_file is None:
        pytest.skip(f"the built site has no '{kind}' page yet")
    _open(page, built_site, site_server, html_file, DESKTOP)

    page.keyboard.press("Tab")
    link = page.evaluate(ACTIVE_ELEMENT_JS)
    assert link, "first Tab focused nothing"
    assert (link["href"] or "").startswith("#") and "skip" in link["text"].lower(), (
        f"first Tab should focus a skip link, got {link['description']}"
    )
    assert link["inViewport"], f"skip link is focused but not visible on screen: {link['description']}"
    target_id = link["href"][1:]
    assert page.locator(f"[id='{target_id}']").count() == 1, f"skip link target #{target_id} does not exist"

    page.keyboard.press("Enter")
    focused = page.evaluate(ACTIVE_ELEMENT_JS)
    assert focused and focused["inMain"], (
        f"after activating the skip link focus should be inside <main>, got {focused and focused['description']}"
    )
    assert page.evaluate(
        "(id) => document.getElementById(id).contains(document.activeElement)", target_id
    ), f"focus did not move to the skip link target #{target_id}"


def _tab_through(page, count):
    """Press Tab until every listed control has had focus, and return the focus log.

    Controls a script adds as the reader reaches them (the CPD form is built
    when focus nears its panel) take Tab stops of their own, so the walk may
    need more presses than the controls listed on load; it is still bounded.
    """
    for presses in range(1, 2 * count + 40):
        page.keyboard.press("Tab")
        if presses >= count + 5 and presses % 10 == 0 and _all_reached(page, count):
            break
    return page.evaluate("() => window.__kbLog")


def _all_reached(page, count):
    """True once focus has visited every control listed on load."""
    return page.evaluate(
        "(count) => new Set(window.__kbLog.map(e => e.index).filter(i => i !== null)).size >= count", count)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("kind", KINDS)
def test_tab_reaches_every_control_with_visible_focus(page, built_site, site_pages, site_server, kind, viewport):
    """WCAG 2.1.1 and 2.4.7: Tab reaches every visible control and focus is always visible."""
    html_file = _pages_to_test(site_pages)[kind]
    if html_file is None:
        pytest.skip(f"the built site has no '{kind}' page yet")
    _open(page, built_site, site_server, html_file, DESKTOP if viewport == "desktop" else PHONE)

    tabbable = page.evaluate(LIST_TABBABLE_JS)[:MAX_TAB_STOPS]
    log = _tab_through(page, len(tabbable))

    reached = {entry["index"] for entry in log}
    missed = [desc for i, desc in enumerate(tabbable) if str(i) not in reached]
    hidden = list(dict.fromkeys(e["description"] for e in log if not e["onScreen"]))
    no_ring = list(dict.fromkeys(
        f"{e['description']} (outline {e['outlineStyle']} {e['outlineWidth']}px, box-shadow {e['boxShadow']})"
        for e in log if not _has_visible_focus_indicator(e)
    ))
    report = []
    if missed:
        report.append(f"{len(missed)} of {len(tabbable)} visible controls never got focus with Tab:")
        report += [f"  {desc}" for desc in missed[:20]]
    if hidden:
        report.append("Tab moved focus to elements that are not visible on screen:")
        report += [f"  {desc}" for desc in hidden[:20]]
    if no_ring:
        report.append("focused elements without a visible focus indicator (need outline >= 2px or a box-shadow):")
        report += [f"  {desc}" for desc in no_ring[:20]]
    if report:
        pytest.fail(f"keyboard problems on {kind} page at {viewport} width:\n" + "\n".join(report), pytrace=False)


def _tab_to_menu_button(page):
    """Tab from the top of the page until a control with aria-expanded has focus."""
    for _ in range(10):
        page.keyboard.press("Tab")
        focused = page.evaluate(ACTIVE_ELEMENT_JS)
        if focused and focused["ariaExpanded"] is not None:
            return focused
    return None


def test_phone_navigation_drawer_works_with_keyboard(page, built_site, site_pages, site_server):
    """On a phone the site navigation is in a drawer; it must work without a pointer.

    Enter on the menu button opens the drawer and moves focus into it, Tab
    walks its links without focus ever being off-screen or covered, and
    Escape closes it and returns focus to the button.
    """
    _open(page, built_site, site_server, _pages_to_test(site_pages)["home"], PHONE)
    menu = _tab_to_menu_button(page)
    assert menu, "no menu button (a control with aria-expanded) within 10 Tab presses at phone width"
    assert menu["inViewport"], f"menu button is focused but not visible: {menu['description']}"

    page.keyboard.press("Enter")
    page.wait_for_function(DRAWER_OPEN_JS, timeout=2000)
    links = page.evaluate(
        """() => [...document.querySelectorAll('.md-sidebar--primary a[href]')]
                  .filter((a) => a.checkVisibility({visibilityProperty: true})).length"""
    )
    problems = []
    for step in range(links):
        if step:
            page.keyboard.press("Tab")
        focused = page.evaluate(ACTIVE_ELEMENT_JS)
        if not (focused and focused["inDrawer"] and focused["inViewport"] and focused["onTop"]):
            problems.append(focused and focused["description"])
    if problems:
        pytest.fail(
            f"with the drawer open, {len(problems)} of {links} Tab stops were not a visible link in the drawer:\n"
            + "\n".join(f"  {p}" for p in problems),
            pytrace=False,
        )

    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked", timeout=2000)
    back = page.evaluate(ACTIVE_ELEMENT_JS)
    assert back and back["ariaExpanded"] == "false", (
        f"Escape should close the drawer and return focus to the menu button, got {back and back['description']}"
    )
