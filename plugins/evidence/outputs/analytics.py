"""Usage counts without tracking people: off unless the council switches on an engine it runs.

A link officer wants to know which summaries are read and what people search
for without finding; readers must not be followed. So: no analytics by
default, and one setting (``analytics_engine``) switches on a cookie-free
engine the council already hosts (Plausible, GoatCounter, or Matomo with
cookies disabled). Only then does a script appear, and only then does the
Content Security Policy allow that one origin. The privacy page and
``build.py report`` read the same ``Analytics`` value, so what readers are
told always matches what the site does.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

ENGINES = {
    "plausible": "Plausible",
    "goatcounter": "GoatCounter",
    "matomo": "Matomo (with cookies disabled)",
}

CAN_SEE = (
    "how many times each page was viewed, so which summaries and reading paths are read most",
    "searches on this site that found nothing, so the gaps readers meet",
    "which websites sent readers here, and broad device and browser types",
)
CANNOT_SEE = (
    "who anyone is: the counting sets no cookies, and the site sends no name, email address or account",
    "what one person read: views are counted, not joined up into a person's history",
    "CPD notes or reading-path ticks, which never leave the reader's browser",
)


@dataclass(frozen=True)
class Analytics:
    engine: str = ""  # "" = off
    url: str = ""  # the engine's address, as the council runs it
    site: str = ""  # Plausible's domain or Matomo's site id; GoatCounter needs none

    @property
    def enabled(self) -> bool:
        return self.engine in ENGINES and bool(self.url)

    @property
    def name(self) -> str:
        return ENGINES.get(self.engine, "")

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def base(self) -> str:
        return self.url.rstrip("/")

    @property
    def script(self) -> str:
        """The engine's own tracker script, served by the council's instance."""
        return self.base + {"plausible": "/js/script.js", "goatcounter": "/count.js", "matomo": "/matomo.js"}[self.engine]

    def csp_sources(self) -> dict[str, tuple[str, ...]]:
        """The one origin the policy must allow: its script, and where counts are sent."""
        if not self.enabled:
            return {}
        return {"script-src": (self.origin,), "connect-src": (self.origin,), "img-src": (self.origin,)}


def from_settings(settings) -> Analytics:
    return Analytics(settings.analytics_engine, settings.analytics_url, settings.analytics_site)


def report_lines(analytics: Analytics) -> list[str]:
    """What ``build.py report`` says about usage counting: what is on, and what it can and cannot show."""
    if not analytics.enabled:
        return [
            "Usage counting: off. No page loads a counting script and no request leaves a reader's browser.",
            "  To count use without tracking people, set analytics_engine (plausible, goatcounter or matomo)",
            "  and analytics_url (the address of the engine your council runs) under the evidence plugin in mkdocs.yml.",
        ]
    lines = [f"Usage counting: on, with {analytics.name} at {analytics.url}.", "  The council can see:"]
    lines += [f"  - {item}" for item in CAN_SEE]
    lines.append("  The council cannot see:")
    lines += [f"  - {item}" for item in CANNOT_SEE]
    if analytics.engine == "matomo":
        lines.append("  Check in Matomo's own settings that visitors' IP addresses are anonymised (Privacy, Anonymize data).")
    return lines
