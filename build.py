#!/usr/bin/env python3
"""The one entry point: build the site, check content, preview, scaffold, test.

Only the standard library is imported at the top, because on a fresh machine
nothing else exists yet: if the pinned dependencies are missing, this script
creates .venv, installs requirements.txt and the local plugins into it, and runs
itself again with that interpreter. When everything is present it does nothing.
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
REEXEC_FLAG = "RWM_BOOTSTRAPPED"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 build.py",
        description="Build and check the research summaries site. With no command, validates content and builds site/.",
    )
    parser.add_argument("--site-dir", type=Path, default=None, help="where to write the site (default: site/)")
    commands = parser.add_subparsers(dest="command", metavar="command")
    commands.add_parser("build", help="validate content, build site/ and its search index (the default)")
    commands.add_parser("check", help="validate content only; print every problem as path:line: message")
    packed = commands.add_parser("zip", help="build site/, then pack it as site.zip to unpack on an intranet web server")
    packed.add_argument("--zip-file", type=Path, default=None, help="where to write the zip (default: site.zip)")
    serve = commands.add_parser("serve", help="preview the site with live reload while you edit")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    new = commands.add_parser("new", help="write a new summary file with every field explained")
    new.add_argument("title", help="the study's plain-English title, in quotes")
    test = commands.add_parser("test", help="run the whole test suite (browser tests need chromium and npm ci)")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments passed to pytest")
    bench = commands.add_parser("bench", help="time validation and builds on a synthetic corpus")
    bench.add_argument("--n", default="1000", type=corpus_sizes, help="corpus sizes, comma-separated (default 1000)")
    bench.add_argument("--no-search", action="store_true", help="skip the search figures (they need Chromium)")
    bench.add_argument("--no-preview", action="store_true", help="skip the preview reload figure")
    bench.add_argument("--rounds", type=int, default=1, help="builds of each kind, alternating; the fastest is shown (default 1)")
    bench.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (installed into bench/ on first use) on each page kind, ours and plain Material")
    bench.add_argument("--questions-only", action="store_true", help="only search's held-out questions: top-1 and top-3 on the bundled site and among the first --n synthetic summaries")
    commands.add_parser("report", help="list summaries due for review and sources without open-access links")
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "test":
        parser.error(f"unrecognised arguments: {' '.join(extra)}")
    if args.command == "test":
        args.pytest_args = extra + args.pytest_args  # e.g. python3 build.py test -q -k search
    args.command = args.command or "build"
    return args


def corpus_sizes(text: str) -> str:
    """``--n 100,1000``: positive whole numbers, so a typing mistake gets argparse's one-line answer."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(part.isascii() and part.isdigit() and int(part) > 0 for part in parts):
        raise argparse.ArgumentTypeError(f"{text!r}: write corpus sizes as positive whole numbers separated by commas, for example --n 100,1000")
    return ",".join(parts)


def missing_requirements() -> list[str]:
    """Pinned packages that are absent or at another version, plus our own plugins."""
    missing = []
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if not match:
            continue
        name, version = match.groups()
        try:
            if importlib.metadata.version(name) != version:
                missing.append(f"{name}=={version}")
        except importlib.metadata.PackageNotFoundError:
            missing.append(f"{name}=={version}")
    if not _plugins_installed_from_here():
        missing.append("the local plugins (pip install -e .)")
    return missing


def _plugins_installed_from_here() -> bool:
    plugins = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="mkdocs.plugins")}
    spec = importlib.util.find_spec("evidence_mkdocs")
    origin = Path(spec.origin).resolve() if spec and spec.origin else None
    return "evidence" in plugins and "pagefind" in plugins and bool(origin) and ROOT / "plugins" in origin.parents


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install(python: Path) -> None:
    print(f"Installing pinned dependencies into {python.parent.parent.name}/ (first run only)...", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    subprocess.run(pip + ["-r", str(REQUIREMENTS)], check=True)
    subprocess.run(pip + ["--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)


def ensure_environment(argv: list[str]) -> None:
    """Make sure we run with every pinned dependency, creating .venv if we must."""
    missing = missing_requirements()
    if not missing:
        return
    attempt = int(os.environ.get(REEXEC_FLAG, "0"))
    if attempt >= 2:
        raise SystemExit("build.py: could not install: " + ", ".join(missing) + f"\nDelete {VENV.name}/ and run again.")
    os.environ[REEXEC_FLAG] = str(attempt + 1)
    if Path(sys.prefix).resolve() == VENV.resolve():
        install(Path(sys.executable))
        python = Path(sys.executable)
    else:
        if not venv_python().exists():
            print(f"Creating {VENV.name}/ ...", flush=True)
            venv.create(VENV, with_pip=True)
        python = venv_python()
        if subprocess.run([str(python), str(ROOT / "build.py"), "--environment-ok"]).returncode != 0:
            install(python)
    os.execv(str(python), [str(python), str(ROOT / "build.py"), *argv])


def main(argv: list[str]) -> int:
    if argv == ["--environment-ok"]:
        return 0 if not missing_requirements() else 1
    args = parse_args(argv)
    ensure_environment(argv)
    if args.command == "check":  # one load, then exit: the cycle collector would only walk what loading made (0.7 s of 3 at 10,000 summaries)
        gc.disable()
    from evidence_cli import run

    return run(args, ROOT)


def entry(argv: list[str]) -> int:
    """``python3 build.py check | head``: a reader that stops early is not an error worth a traceback."""
    try:
        code = main(argv)
        sys.stdout.flush()  # inside the try: a pipe is written when flushed, often only at exit
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 1


if __name__ == "__main__":
    sys.exit(entry(sys.argv[1:]))
