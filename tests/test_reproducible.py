"""Two builds of the same input give the same bytes, so a published site can be verified.

One documented exception: Pagefind writes its filter chunks from a hash map with
a per-process seed, so their entry order, their content-hashed names and the
files that list those names (pagefind-entry.json, the .pf_meta file) vary between
runs while holding the same data (https://github.com/Pagefind/pagefind/issues/638:
fragments are stable since 1.3, "other files will still change"). Every other
file, including all HTML and Pagefind's fragments and word index, must match.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from conftest import REPO

PAGEFIND_UNSTABLE = ("pagefind/filter/", "pagefind/pagefind-entry.json", "pagefind/pagefind.en_")


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def filter_contents(site: Path) -> list[bytes]:
    """Each filter chunk's bytes in sorted order: equal when only the entry order differs."""
    return sorted(bytes(sorted(gzip.decompress(p.read_bytes()))) for p in (site / "pagefind/filter").glob("*.pf_filter"))


def test_two_builds_of_the_bundled_site_are_byte_identical(bundled_site: Path, tmp_path: Path):
    from evidence_cli.site_build import build

    again = tmp_path / "again"
    assert build(REPO, again) == 0
    first, second = digest(bundled_site), digest(again)
    stable = lambda names: sorted(n for n in names if not n.startswith(PAGEFIND_UNSTABLE))  # noqa: E731
    assert stable(first) == stable(second), "the two builds wrote different files"
    assert [n for n in stable(first) if first[n] != second[n]] == []
    assert len(first) == len(second)
    assert filter_contents(bundled_site) == filter_contents(again)
