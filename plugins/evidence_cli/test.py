"""``python3 build.py test``: the whole suite under pytest, in this (bootstrapped) environment.

Like .venv, the browser gates' own needs are set up here: the pinned Node
packages (``npm ci``) and the Chromium to use (passed on as CHROMIUM_PATH).
The run ends with one line saying which gates ran and which were skipped, and why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .chromium import INSTALL_HINT as CHROMIUM_HINT
from .chromium import find_chromium
from .node_packages import ensure_node_packages

JAVA_HINT = "install a Java 17 runtime (`sudo apt-get install default-jre-headless`)"


def test(root: Path, extra: list[str]) -> int:
    node_problem = ensure_node_packages(root)
    chromium = find_chromium()
    env = dict(os.environ, CHROMIUM_PATH=chromium) if chromium else dict(os.environ)
    code = subprocess.run([sys.executable, "-m", "pytest", *extra], cwd=root, env=env).returncode
    print(gates_line(chromium, node_problem, shutil.which("java")), flush=True)
    return code


def gates_line(chromium: str | None, node_problem: str | None, java: str | None) -> str:
    """One line: what ran, what was skipped and the command that would let it run."""
    ran, skipped = ["Python tests"], []
    if not chromium:
        skipped.append(f"browser gates (axe, HTML_CodeSniffer, layout, search): Chromium not found; {CHROMIUM_HINT}")
    elif node_problem:
        skipped.append(f"browser gates (axe, HTML_CodeSniffer, layout, search): {node_problem}")
    else:
        ran.append(f"browser gates with axe and HTML_CodeSniffer in {chromium}")
    if not java:
        skipped.append(f"Nu HTML checker: java not found; {JAVA_HINT}")
    elif node_problem:
        skipped.append("Nu HTML checker: node_modules/vnu-jar is missing (see above)")
    else:
        ran.append("Nu HTML checker")
    line = "Gates run: " + ", ".join(ran) + "."
    return line + (" Skipped: " + "; ".join(skipped) + "." if skipped else " None skipped.")
