"""The pinned Node packages the browser gates use (axe-core, vnu-jar, html_codesniffer).

``python3 build.py test`` installs them the way it installs .venv: with
``npm ci`` when node_modules is missing or holds other versions than
package-lock.json pins, and only when npm is present.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

INSTALL_HINT = "install Node.js and npm (`sudo apt-get install npm`), then run `npm ci`"


def stale_packages(root: Path) -> list[str]:
    """Packages pinned in package-lock.json that node_modules lacks or holds at another version."""
    lock = root / "package-lock.json"
    if not lock.is_file():
        return []
    pinned = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
    stale = []
    for key, info in pinned.items():
        if not key.startswith("node_modules/") or "version" not in info:
            continue
        installed = root / key / "package.json"
        version = json.loads(installed.read_text(encoding="utf-8")).get("version") if installed.is_file() else None
        if version != info.get("version"):
            stale.append(key.removeprefix("node_modules/"))
    return stale


def ensure_node_packages(root: Path) -> str | None:
    """Run ``npm ci`` if needed; return why the packages are still missing, or None when they are in place."""
    stale = stale_packages(root)
    if not stale:
        return None
    if shutil.which("npm") is None:
        return f"Node packages missing ({', '.join(stale)}) and npm not found: {INSTALL_HINT}"
    print(f"Installing the pinned Node packages (npm ci): {', '.join(stale)}", flush=True)
    result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=root)
    if result.returncode != 0 or stale_packages(root):
        return "`npm ci` failed: run it yourself to see why"
    return None
