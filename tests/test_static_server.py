"""The server the browser tests and the search bench open built sites through."""

from __future__ import annotations

import gzip

from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from evidence_cli.static_server import serve_folder


def test_serves_a_site_folder_with_the_types_browsers_and_pagefind_need(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<h1>About</h1>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    files = {"search.js": "text/javascript", "pagefind/wasm.en.pagefind": "application/octet-stream",
             "pagefind/x.wasm": "application/wasm", "pagefind/en_1.pf_fragment": "application/octet-stream",
             "pagefind/en_1.pf_meta": "application/octet-stream", "pagefind/en_1.pf_index": "application/octet-stream",
             "pagefind/en_1.pf_filter": "application/octet-stream"}
    for name in files:
        (tmp_path / name).write_bytes(b"\x1f\x8b data")
    with serve_folder(tmp_path) as base, serve_folder(tmp_path) as other:
        assert base.startswith("http://127.0.0.1:") and base != other, "each server gets a free port of its own"
        with urlopen(f"{base}/about/") as response:
            assert response.read() == b"<h1>About</h1>" and response.headers["Content-Type"].startswith("text/html")
        for name, kind in files.items():
            with urlopen(f"{base}/{name}") as response:
                assert response.headers.get_content_type() == kind, name
                assert response.headers["Content-Encoding"] is None, "Pagefind unpacks its own files"


def test_serves_a_site_under_the_path_of_its_site_url_and_nowhere_else(tmp_path):
    """A council's copy at https://council.example/evidence/ is tested at /evidence/, so a link that
    assumes the root of the domain fails here as it would in production."""
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<h1>About</h1>", encoding="utf-8")
    with serve_folder(tmp_path, "/evidence/") as base:
        assert base.endswith("/evidence")
        with urlopen(f"{base}/about/") as response:
            assert response.read() == b"<h1>About</h1>"
        with urlopen(base) as response:
            assert response.url == f"{base}/", "the path without its slash leads to the site"
        root = base.removesuffix("/evidence")
        for outside in (f"{root}/about/", f"{root}/evidence-other/about/"):
            with pytest.raises(HTTPError) as refused:
                urlopen(outside)
            refused.value.close()
            assert refused.value.code == 404, outside


def test_compressed_serving_gzips_text_as_hosts_do_and_leaves_pagefind_alone(tmp_path):
    """The bench and Lighthouse weigh pages as a gzipping host (hosting/nginx.conf) sends them."""
    (tmp_path / "about").mkdir()
    page = b"<h1>About</h1>" + b"<p>Same words again.</p>" * 50
    (tmp_path / "about" / "index.html").write_bytes(page)
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "en_1.pf_fragment").write_bytes(b"\x1f\x8b data")
    with serve_folder(tmp_path, "/evidence/", compress=True) as base:
        asking = {"Accept-Encoding": "gzip, deflate"}
        with urlopen(Request(f"{base}/about/", headers=asking)) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == "gzip" and response.headers["Content-Type"].startswith("text/html")
            assert gzip.decompress(body) == page and len(body) < len(page)
        with urlopen(f"{base}/about/") as response:
            assert response.read() == page, "a client that cannot unpack gets the file as it is"
        with urlopen(Request(f"{base}/pagefind/en_1.pf_fragment", headers=asking)) as response:
            assert response.headers["Content-Encoding"] is None and response.read() == b"\x1f\x8b data"
        with pytest.raises(HTTPError) as missing:
            urlopen(Request(f"{base}/nothing.html", headers=asking))
        missing.value.close()
        assert missing.value.code == 404
