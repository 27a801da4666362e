"""Attacks that get past validation must come out inert in a real browser.

Validation refuses dangerous Markdown with path:line (see tests/test_validation.py).
What it cannot refuse is text: a title may legitimately contain "<". And
hand-written pages are not validated at all. Here every such payload is built
into a real site and opened in Chromium, listening for dialogs and scanning the
DOM for anything that could run.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import Project, summary_text
from .browser import WATCH_POLICY_JS, serve_site

PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "\" onmouseover=\"alert('attr')\" x=\"",
    "</script><script>alert('json-ld')</script>",
    "<svg onload=alert('svg')>",
    "javascript:alert('scheme')",
]
FIELDS = ["title", "summary", "setting", "funder", "organisation"]

HAND_WRITTEN = """# About

<script>alert('raw script')</script>

<p onclick="alert('handler')">Click</p>

<img src="x" onerror="alert('img')">

[entity link](jav&#x09;ascript:alert('entity'))

[plain link](javascript:alert('plain'))

<a href="data:text/html,<script>alert('data')</script>">data link</a>

<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>

<meta http-equiv="refresh" content="0;url=javascript:alert('refresh')">

<svg><script>alert('svg script')</script><a xlink:href="javascript:alert('xlink')">x</a></svg>

<math><mtext><table><mglyph><style><img src=x onerror=alert('mathml')></style></mglyph></table></mtext></math>

Paragraph with handler.
{: onclick="alert('attr_list')" }
"""

# A council pastes a snippet with an inline script into a template override
# (an analytics tag, say). The sanitiser never sees templates; only the
# Content Security Policy stands between that script and the reader.
TEMPLATE_SCRIPT = "{% block analytics %}<script>alert('template')</script>{% endblock %}\n"

# Fire the events an attacker's handler would wait for, on every element.
PROVOKE = """() => { for (const el of document.querySelectorAll('body *'))
  for (const type of ['mouseover', 'focus', 'load', 'error'])
    el.dispatchEvent(new Event(type, {bubbles: true})); }"""

DOM_SCAN = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (attr.name.startsWith('on')) bad.push(el.tagName + ' ' + attr.name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr.name) &&
          (value.startsWith('javascript:') || value.startsWith('data:text') || value.startsWith('vbscript:') || attr.name === 'srcdoc'))
        bad.push(el.tagName + ' ' + attr.name + '=' + attr.value.slice(0, 40));
    }
  }
  for (const s of document.querySelectorAll('script:not([type="application/ld+json"]):not([type="application/json"])'))
    if ((s.textContent || '').includes('alert(')) bad.push('inline script with alert');
  for (const m of document.querySelectorAll('meta[http-equiv]'))
    if (m.getAttribute('http-equiv').toLowerCase() === 'refresh') bad.push('meta refresh');
  document.querySelectorAll('iframe, object, embed').forEach(e => bad.push(e.tagName));
  return bad;
}"""


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("attacked") / "project")
    for index, payload in enumerate(PAYLOADS):
        fields = {name: f"Study {index} {payload} text" for name in FIELDS}
        fields["reflection_questions"] = [f"Question {payload} here?"]
        fields["strength"] = {"scheme": "grade", "level": "low", "reason": f"Reason {payload} given."}
        fields["lived_experience"] = {"involvement": "consulted", "note": f"Note {payload} here."}
        fields["source"] = {"citation": f"Citation {payload}", "url": "https://example.org/x"}
        project.add(f"attack-{index}.md", summary_text(**fields))
    (project.root / "content/about.md").write_text(HAND_WRITTEN, encoding="utf-8")
    vocabulary = project.root / "data/vocabularies/topics.yml"
    data = yaml.safe_load(vocabulary.read_text())
    data["terms"][0]["description"] = "<script>alert('vocabulary')</script>"
    vocabulary.write_text(yaml.safe_dump(data))
    assert project.build() == 0
    return project.root / "site"


def pages_to_visit(site):
    return ["about/", "browse/topic/communication/", "browse/topic/"] + [f"research/attack-{i}/" for i in range(len(PAYLOADS))]


def test_payloads_are_inert_in_chromium(browser, attacked_site):
    dialogs = []
    with serve_site(attacked_site) as base:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages_to_visit(attacked_site):
            page.goto(f"{base}/{path}")
            page.evaluate(PROVOKE)
            assert page.evaluate(DOM_SCAN) == [], path
        page.close()
    assert dialogs == []


def test_payload_text_is_shown_as_text(browser, attacked_site):
    with serve_site(attacked_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/research/attack-0/")
        assert "<script>alert('script')</script>" in page.inner_text("h1")
        page.close()


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("planted") / "project")
    with (project.root / "overrides" / "main.html").open("a", encoding="utf-8") as template:
        template.write(TEMPLATE_SCRIPT)
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    return project.root / "site"


def test_a_script_past_the_sanitiser_is_blocked_while_the_site_works(browser, planted_site):
    """The policy hashes only Material's own inline scripts: the reader's page runs those, not the attacker's."""
    dialogs = []
    context = browser.new_context()
    context.add_init_script(WATCH_POLICY_JS)
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve_site(planted_site) as base:
        page.goto(f"{base}/about/")
        planted = page.evaluate("[...document.scripts].filter(s => s.textContent.includes('alert(')).length")
        assert planted > 0, "the test needs a script that reaches the page"
        assert page.evaluate("typeof document$ === 'object'"), "Material's scripts run"
        page.keyboard.press("/")
        page.keyboard.type("talking mats")
        first = page.locator("[data-search-panel]:not([hidden]) .ev-search-box__link").first
        assert first.get_attribute("href") == "/research/talking-mats/", "search works"
        violations = page.evaluate("window.__violations")
        with page.expect_navigation():
            page.click(".md-nav--primary a[href$='/privacy/']")
        assert page.url == f"{base}/privacy/" and page.evaluate("window.__violations") == violations, "navigation works"
    context.close()
    assert dialogs == []
    assert violations == ["script-src-elem blocked inline "] * planted, "only the planted scripts are blocked"
