"""Small helpers shared by the browser quality gates.

Kept free of pytest so they can also be used from a REPL when debugging a
failing page: serve a built site, open it in Chromium, run axe or Nu on it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

# Re-exported: the tests serve built sites with the same server as the search bench.
from evidence_cli.static_server import serve_folder as serve_site  # noqa: F401
# Re-exported: one search for Chromium (CHROMIUM_PATH, Debian, Chrome, Playwright's) for tests and bench.
from evidence_cli.chromium import find_chromium  # noqa: F401

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
HTMLCS_JS = REPO_ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# One representative page per page kind, found by URL pattern in the built
# site. When a feature adds a new kind of page, add one line here; both the
# axe and the Nu gates pick it up. A kind that is not in the build yet is
# skipped, so optional features (reading paths, CPD) can land later.
PAGE_KINDS: list[tuple[str, str]] = [
    ("home", r"/"),
    ("content", r"/about/"),
    ("research", r"/research/[^/]+/"),
    ("browse", r"/browse/"),
    ("browse-facet", r"/browse/[^/]+/"),
    ("browse-value", r"/browse/[^/]+/[^/]+/"),
    ("search", r"/search/"),
    ("not-found", r"/404\.html"),
    ("reading-paths", r"/reading-paths/"),
    ("reading-path", r"/reading-paths/[^/]+/"),
    ("cpd", r"/cpd/"),
    ("cpd-coverage", r"/cpd/coverage/"),
    ("cpd-framework", r"/cpd/(?!coverage/)[^/]+/"),
    ("cpd-standard", r"/cpd/[^/]+/[^/]+/"),
    ("my-cpd", r"/my-cpd/"),
    ("cpd-record", r"/my-cpd/record/"),
    ("open-data", r"/open-data/"),
    ("events", r"/events/"),
    ("practice-weeks", r"/practice-weeks/"),
    ("practice-week", r"/practice-weeks/[^/]+/"),
    ("practice-week-pack", r"/practice-weeks/[^/]+/pack/"),
]

# A built site with fewer kinds than this is broken, not "not written yet".
MIN_PAGE_KINDS = 4

# Records Content Security Policy violations from the first line of every page
# (add it with context.add_init_script; read window.__violations).
WATCH_POLICY_JS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`));"""



def watched_tab(browser, **options):
    """A fresh tab in its own context (no state carried over), reduced motion, recording policy violations.

    Close it with ``tab.context.close()``; ``options`` go to ``browser.new_context`` (a viewport, say).
    """
    context = browser.new_context(reduced_motion="reduce", **options)
    context.add_init_script(WATCH_POLICY_JS)
    return context.new_page()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """Launch headless Chromium with flags that keep it offline and quiet."""
    return playwright.chromium.launch(
        executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
    )


def _url_for(site_dir: Path, html_file: Path) -> str:
    """Map a built file to the URL path a visitor would use for it."""
    rel = html_file.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def discover_pages(site_dir: Path) -> dict[str, Path | None]:
    """Pick the first page (in sorted order) matching each kind in PAGE_KINDS.

    Returns kind -> HTML file, or None when the build has no page of that kind.
    Sorting makes the choice stable, so a failure reproduces on the next run.
    """
    urls = {_url_for(site_dir, f): f for f in sorted(site_dir.rglob("*.html"))}
    found: dict[str, Path | None] = {}
    for kind, pattern in PAGE_KINDS:
        matches = [u for u in sorted(urls) if re.fullmatch(pattern, u)]
        found[kind] = urls[matches[0]] if matches else None
    return found


def page_url(base_url: str, site_dir: Path, html_file: Path) -> str:
    """Absolute URL for a built HTML file on the test server."""
    return base_url + _url_for(site_dir, html_file)


def run_axe(page) -> list[dict]:
    """Run axe-core on the current page against WCAG 2.2 A/AA and return violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools, not added as an inline <script>: the site's
        # Content Security Policy (rightly) blocks inline scripts.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations;
        }""",
        AXE_TAGS,
    )
    return result


def run_htmlcs(page) -> list[dict]:
    """Run HTML_CodeSniffer (pa11y's engine) against WCAG2AA; return its errors.

    A second engine because the two disagree: HTML_CodeSniffer reports nameless
    hidden controls and forms without a submit button that axe accepts.
    Warnings and notices need a human and are not gates (pa11y's default too).
    """
    if not page.evaluate("() => typeof window.HTMLCS !== 'undefined'"):
        page.evaluate(HTMLCS_JS.read_text(encoding="utf-8"))
    return page.evaluate(
        """() => new Promise((done) => HTMLCS.process('WCAG2AA', document, () => done(
            HTMLCS.getMessages().filter((m) => m.type === HTMLCS.ERROR).map((m) => ({
              code: m.code, msg: m.msg, html: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 200) : ''
            })))))"""
    )


def format_htmlcs(errors: list[dict]) -> str:
    """One line per error: the rule code (searchable in the WCAG techniques), message and markup."""
    return "\n".join(f"- {e['code']}: {e['msg']}\n    html: {e['html']}" for e in errors)


def format_violations(violations: list[dict]) -> str:
    """Turn axe output into something a template author can act on."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']} [{len(v['nodes'])} node(s)]")
        lines.append(f"  {v.get('helpUrl', '')}")
        for node in v["nodes"][:3]:
            lines.append(f"    target: {' '.join(map(str, node['target']))}")
            lines.append(f"    html:   {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"    why:    {summary[:300]}")
    return "\n".join(lines)


def java_available() -> bool:
    """The Nu checker is a Java program; Java 17 is expected on the PATH."""
    return shutil.which("java") is not None


def run_vnu(paths: list[Path]) -> dict[Path, list[dict]]:
    """Validate all files with ONE Nu checker run (JVM start-up is the slow part).

    Returns file -> list of error messages (each with lastLine, message, extract).
    Only errors are reported (--errors-only); warnings and info are not gates.
    """
    cmd = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
    cmd += [str(p) for p in paths]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    # Nu writes its JSON report to stderr; exit status is 1 when there are errors.
    try:
        report = json.loads(proc.stderr or proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"Nu checker did not return JSON (exit {proc.returncode}):\n"
                           f"{proc.stdout}\n{proc.stderr}") from exc
    errors: dict[Path, list[dict]] = {Path(p): [] for p in paths}
    for msg in report.get("messages", []):
        if msg.get("type") == "info":
            continue
        path = Path(unquote(urlparse(msg.get("url", "")).path))
        errors.setdefault(path, []).append(msg)
    return errors


def format_vnu(errors: dict[Path, list[dict]], site_dir: Path | None = None) -> str:
    """One line per Nu error: file:line: message, plus the offending markup."""
    lines = []
    for path, messages in errors.items():
        name = path.relative_to(site_dir) if site_dir and path.is_relative_to(site_dir) else path
        for m in messages:
            lines.append(f"{name}:{m.get('lastLine', '?')}: {m.get('message')}")
            extract = (m.get("extract") or "").strip().replace("\n", " ")
            if extract:
                lines.append(f"    {extract[:200]}")
    return "\n".join(lines)
