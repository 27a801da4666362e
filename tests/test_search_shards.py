"""The search index is built from compact copies of the indexed pages, in parts for a large catalogue.

Proof of equivalence on the bundled site: Pagefind run the plain way over the
whole built site and our runner give the same pages with the same addresses,
text, filters, meta and anchors, and the same word index; split in parts, the
bundles together hold exactly the same pages. The pure parts (what a compact copy
keeps, how pages are dealt out) are checked from inline strings. The browser
side (merged bundles searched from the real search page) is in
tests/browser/test_search_shards.py.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from evidence.outputs.search_index import IndexPlan, build_index
from evidence.outputs.search_pages import compact_page, page_language, sort_key
from evidence.outputs.search_shards import IndexedPage, deal, manifest

PAGE = (
    '<!doctype html><html lang="en" class="no-js"><head><meta charset="utf-8"><title>A page - Site</title>'
    '<script>if (a</div>) {}</script></head><body><nav data-pagefind-bundle="/pagefind/">Menu</nav>'
    '<article class="x" data-pagefind-body><h1>Title</h1><div><p>Text</p></div>'
    '<script>var s = "</article>";</script><!-- </article> --><p>More</p></article>'
    '<aside data-pagefind-ignore><p>Related</p></aside><footer>Footer</footer></body></html>'
)


def test_a_compact_copy_keeps_the_language_the_title_and_the_marked_element_whole():
    compact = compact_page(PAGE.encode()).decode()
    assert compact.startswith('<html lang="en" class="no-js"><head><title>A page - Site</title></head><body><article')
    assert '<p>More</p></article></body></html>' in compact, "a closing tag inside a script or comment does not end the body"
    assert "Menu" not in compact and "Related" not in compact and "Footer" not in compact


def test_a_page_is_read_whole_when_its_chrome_carries_what_pagefind_reads():
    risky = [
        PAGE.replace("<footer>", '<footer data-pagefind-filter="type:Page">'),  # filters count anywhere
        PAGE.replace("<nav ", '<nav data-pagefind-meta="image:x.png" '),
        PAGE.replace("<footer>Footer", "<footer><h1>Another title</h1>"),  # the first <h1> may be the title
        PAGE.replace("<footer>Footer", '<footer><img src="x.png" alt="">'),  # the image after the title
        PAGE.replace("<body>", '<body><div data-pagefind-weight="3">'),  # an ancestor's weight
        PAGE.replace("</footer>", "</footer><main data-pagefind-body>Second body</main>"),
        PAGE.replace('<html lang="en" class="no-js">', ""),
    ]
    for page in risky:
        assert compact_page(page.encode()) is None, page
    assert compact_page(b"<html><body><p>No marked element</p></body></html>") is None


def test_language_and_sort_key_are_read_as_pagefind_reads_them():
    assert page_language(b'<html lang="CY"><body></body></html>') == "cy"
    assert page_language(b"<html><body></body></html>") == "unknown"
    assert sort_key(b'<span data-pagefind-sort="date:2024-05-01"></span>') == "date:2024-05-01"
    assert sort_key(b"<p>none</p>") == ""


# ---- Dealing pages out to parts --------------------------------------------

dates = st.lists(st.dates().map(lambda d: f"date:{d.isoformat()}"), min_size=1, max_size=60)


@given(dates, st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=8))
def test_merged_parts_list_newest_first_exactly_as_one_index_would(sorts, per_shard, undated):
    """Pagefind scores a sorted result by its place in its own bundle's sort order and merges
    bundles by score (stable, first bundle first): dealt out in turn, the last part first,
    those scores order the merged results by date."""
    pages = [IndexedPage(f"research/{n}/index.html", "en", sort) for n, sort in enumerate(sorts)]
    pages += [IndexedPage(f"about/{n}/index.html", "en") for n in range(undated)]
    shards = deal(pages, per_shard)
    merged = []
    for shard in shards:
        ordered = sorted((page for page in shard if page.sort), key=lambda page: page.sort)
        merged += [(place, page) for place, page in enumerate(ordered)]
    newest_first = [page.sort for _, page in sorted(merged, key=lambda scored: -scored[0])]
    assert newest_first == sorted(sorts, reverse=True)
    assert sorted(page.path for shard in shards for page in shard) == sorted(page.path for page in pages)
    assert max(len(shard) for shard in shards) <= per_shard + 1, "no run holds much more than its share"


def test_each_language_is_dealt_on_its_own_and_listed_where_its_parts_are():
    pages = [IndexedPage(f"research/{n}/index.html", "en", f"date:2024-01-{n + 1:02d}") for n in range(5)]
    pages += [IndexedPage("cy/research/0/index.html", "cy", "date:2024-01-01")]
    shards = deal(pages, 2)
    assert len(shards) == 3 and [page.language for page in shards[0]].count("cy") == 1
    assert manifest(shards) == {"cy": [], "en": ["shard-2/", "shard-3/"]}, "Welsh fits in the first bundle"


# ---- Equivalence on the bundled site ---------------------------------------


def fragments(bundle: Path) -> dict[str, dict]:
    """Every indexed page by address: its text, filters, meta and anchors, as Pagefind wrote them."""
    pages = {}
    for path in bundle.rglob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        page = json.loads(data[data.index(b"{"):])
        assert page["url"] not in pages, f"{page['url']} is in two bundles"
        pages[page["url"]] = page
    return pages


def plain_pagefind(site: Path, output: Path) -> None:
    """Pagefind as its documentation runs it: over the whole built site, every page whole."""
    plan = IndexPlan(site)
    subprocess.run([*plan.command(site, output, python=sys.executable)], check=True, capture_output=True)


def test_the_index_from_compact_copies_equals_pagefind_over_the_whole_site(bundled_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(bundled_site, site, ignore=shutil.ignore_patterns("pagefind"))
    plain_pagefind(site, tmp_path / "plain")
    build_index(IndexPlan(site))
    ours, plain = fragments(site / "pagefind"), fragments(tmp_path / "plain")
    assert sorted(ours) == sorted(plain) and ours == plain, "same pages, addresses, text, filters, meta and anchors"
    assert sorted(p.name for p in (site / "pagefind" / "index").iterdir()) == sorted(p.name for p in (tmp_path / "plain" / "index").iterdir()), (
        "the word index chunks are named by their contents: the same names are the same index"
    )


def test_a_catalogue_split_in_parts_holds_every_page_once(bundled_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(bundled_site, site, ignore=shutil.ignore_patterns("pagefind"))
    plain_pagefind(site, tmp_path / "plain")
    build_index(IndexPlan(site, shard_pages=7))
    listed = json.loads((site / "pagefind" / "shards.json").read_text())
    parts = [site / "pagefind", *(site / "pagefind" / part for part in listed["en"])]
    assert len(parts) > 2 and all((part / "pagefind-entry.json").is_file() for part in parts)
    assert fragments(site / "pagefind") == fragments(tmp_path / "plain"), "together the parts index the same pages the same way"


def test_indexing_leaves_no_scratch_folder_and_clears_one_a_stopped_run_left(tmp_path, monkeypatch):
    import tempfile

    from evidence.outputs import search_index

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<html lang="en"><head><title>A</title></head><body><main data-pagefind-body><h1>A</h1><p>Words.</p></main></body></html>')
    used = []
    copy = search_index.copy_indexed_pages
    monkeypatch.setattr(search_index, "copy_indexed_pages", lambda site_dir, scratch, language: used.append(scratch.parent) or copy(site_dir, scratch, language))
    build_index(IndexPlan(site))
    assert not list((tmp_path / "tmp").iterdir()), "the compact copies are removed after indexing"
    (used[0] / "all" / "stale").mkdir(parents=True)  # as a run ended by the preview's next save leaves it
    build_index(IndexPlan(site))
    assert not list((tmp_path / "tmp").iterdir()) and json.loads((site / "pagefind" / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] == 1
