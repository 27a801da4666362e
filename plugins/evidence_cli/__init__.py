"""The commands behind ``python3 build.py``. Each module is one command."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace, root: Path) -> int:
    """Dispatch a parsed command line; imports are local so ``check`` stays light."""
    if args.command == "check":
        from .check import check

        return check(root)
    if args.command == "build":
        from .site_build import build

        return build(root, args.site_dir)
    if args.command == "zip":
        from .site_zip import site_zip

        return site_zip(root, args.site_dir, args.zip_file)
    if args.command == "serve":
        from .serve import serve

        return serve(root, args.dev_addr)
    if args.command == "new":
        from .new import new

        return new(root, args.title)
    if args.command == "test":
        from .test import test

        return test(root, args.pytest_args)
    if args.command == "bench":
        from .bench import bench, bench_questions

        if args.questions_only:
            return bench_questions(root, args.n)
        return bench(root, args.n, search=not args.no_search, rounds=max(1, args.rounds), preview=not args.no_preview, lighthouse=args.lighthouse)
    if args.command == "report":
        from .report import report

        return report(root)
    raise SystemExit(f"unknown command {args.command!r}")
