"""Where Chromium is: the browser gates and the bench look in the same places.

CHROMIUM_PATH first (any Chromium or Chrome), then Debian's and other
distributions' packages, Google Chrome, and last a browser Playwright
downloaded (``python3 -m playwright install chromium``), which asks
Playwright's driver and so is the slowest to find.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_HINT = ("install it (`sudo apt-get install chromium`, or Google Chrome, or `python3 -m playwright install chromium`) "
                "or set CHROMIUM_PATH")


def find_chromium() -> str | None:
    """The first runnable Chromium, or None."""
    for candidate in [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", *map(shutil.which, NAMES)]:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return _playwright_managed()


def _playwright_managed() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - no driver or no browser: simply not found
        return None
    return path if Path(path).is_file() else None
