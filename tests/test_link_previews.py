"""Link previews: what a chat app or email shows when someone pastes a page's address."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import yaml

from conftest import REPO, Project, summary_text
from evidence.model.library import Library
from evidence.read.settings import Settings
from head_tags import meta, read_head

# mkdocs.yml, with a copy's own name and address from local/settings.yml laid over it
CONFIG = {**yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader), **Settings.from_mkdocs_yml(REPO / "mkdocs.yml").local.identity}


def png_size_and_first_pixel(data: bytes) -> tuple[int, int, tuple]:
    """Read the PNG the way any image viewer does: signature, IHDR, inflated IDAT rows."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    start = data.index(b"IDAT") + 4
    length = struct.unpack(">I", data[start - 8 : start - 4])[0]
    raw = zlib.decompress(data[start : start + length])
    assert len(raw) == height * (1 + 3 * width)
    return width, height, tuple(raw[1:4])


def site_file(site: Path, address: str, site_url: str) -> Path:
    assert address.startswith(site_url), f"{address} is not on {site_url}"
    return site / address[len(site_url) :]


def test_every_page_has_opengraph_and_twitter_tags(bundled_site):
    site_url = CONFIG["site_url"]
    for page in sorted(bundled_site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        tags = meta(html)
        where = page.relative_to(bundled_site)
        for name in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:card"):
            assert tags.get(name, [""])[0].strip(), f"{where} has no {name}"
        assert tags["og:site_name"] == [CONFIG["site_name"]]
        canonical = [link["href"] for link in read_head(html).links if link.get("rel") == "canonical"]
        assert tags["og:url"] == canonical, where
        assert site_file(bundled_site, tags["og:image"][0], site_url).is_file()


def test_a_summary_previews_with_its_title_and_one_sentence_summary(bundled_site):
    for summary in Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml")).summaries:
        tags = meta((bundled_site / "research" / summary.slug / "index.html").read_text(encoding="utf-8"))
        assert tags["og:title"] == [summary.title] and tags["og:description"] == [summary.one_liner]
        assert tags["og:type"] == ["article"] and tags["twitter:card"] == ["summary_large_image"]


def test_the_share_image_is_a_real_png_in_the_brand_colour(tmp_path):
    project = Project(tmp_path / "project")
    brand = project.root / "content" / "assets" / "stylesheets" / "brand.css"
    brand.write_text(brand.read_text(encoding="utf-8").replace("--md-primary-fg-color: #00545c;", "--md-primary-fg-color: #6a1b9a;"), encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text("\n".join(l for l in config.read_text().splitlines() if not l.startswith("site_url:")) + "\n")
    project.add("one.md", summary_text(title="Pictures & words in day services"))
    assert project.build() == 0
    width, height, pixel = png_size_and_first_pixel((project.root / "site" / "assets" / "images" / "share.png").read_bytes())
    assert (width, height, pixel) == (1200, 630, (0x6A, 0x1B, 0x9A))
    tags = meta(project.page("research/one"))
    assert tags["og:title"] == ["Pictures & words in day services"]
    assert "og:image" not in tags and "og:url" not in tags, "without site_url there is no absolute address to give"
    assert tags["twitter:card"] == ["summary"]
